import type { FailCode } from '@wan25/types';
import { ResultPayloadSchema, TaskStatusResponseSchema, toValidationIssues } from '@wan25/zod';
import { WanValidationError } from './errors.ts';

interface TaskFields {
  taskId: string;
  /** Creation time, Unix epoch milliseconds. */
  createTime: number;
}

/** Received, waiting to run. */
export interface PendingTask extends TaskFields {
  state: 'pending';
}

/** Generating. */
export interface ProcessingTask extends TaskFields {
  state: 'processing';
}

/** Finished with a video. `resultUrls` are temporary: download what you need promptly. */
export interface SucceededTask extends TaskFields {
  state: 'success';
  resultUrls: string[];
  completeTime?: number;
  /** Processing time in milliseconds. */
  costTime?: number;
}

/** Finished without a video. */
export interface FailedTask extends TaskFields {
  state: 'failed';
  failCode: FailCode;
  failMsg?: string;
  completeTime?: number;
}

/**
 * The API reported a state this version does not know (`rawState`). It is treated as not finished:
 * `waitForTask` keeps polling at its normal interval.
 */
export interface UnknownStateTask {
  state: 'unknown';
  rawState: string;
  taskId: string;
  createTime?: number;
}

/** A task as `getTask`, `waitForTask` and `parseWebhook` return it: a union by `state`. */
export type Task = PendingTask | ProcessingTask | SucceededTask | FailedTask | UnknownStateTask;
export type TaskState = Task['state'];

const knownStates: ReadonlySet<unknown> = new Set(['pending', 'processing', 'success', 'failed']);

// The shape every envelope has once TaskStatusResponseSchema accepted it (or the caller chose to trust it).
interface RawTask {
  taskId: string;
  state: string;
  createTime: number;
  completeTime?: number;
  costTime?: number;
  resultJson?: string;
  failCode?: string;
  failMsg?: string;
}

/**
 * Turns a status envelope (`{ code, message, data }`) into a `Task`. With `validate`, the envelope must
 * match the spec; a state the spec does not list is returned as an `UnknownStateTask` rather than rejected.
 */
export function toTask(envelope: unknown, subject: string, validate: boolean): Task {
  const data = (envelope as { data?: Partial<RawTask> } | null)?.data;
  if (data && typeof data.state === 'string' && !knownStates.has(data.state)) {
    return toUnknownStateTask(data, subject);
  }
  let raw: RawTask;
  if (validate) {
    const result = TaskStatusResponseSchema.safeParse(envelope);
    if (!result.success) throw new WanValidationError(subject, toValidationIssues(result.error, envelope));
    raw = result.data.data as RawTask;
  } else {
    if (!data) throw new WanValidationError(subject, [{ path: 'data', message: 'is required' }]);
    raw = data as RawTask;
  }
  const { taskId, createTime } = raw;
  switch (raw.state) {
    case 'success':
      return {
        taskId,
        state: 'success',
        createTime,
        resultUrls: parseResultUrls(raw.resultJson, subject, validate),
        ...(raw.completeTime === undefined ? {} : { completeTime: raw.completeTime }),
        ...(raw.costTime === undefined ? {} : { costTime: raw.costTime }),
      };
    case 'failed':
      return {
        taskId,
        state: 'failed',
        createTime,
        failCode: raw.failCode ?? '',
        ...(raw.failMsg === undefined ? {} : { failMsg: raw.failMsg }),
        ...(raw.completeTime === undefined ? {} : { completeTime: raw.completeTime }),
      };
    default:
      return { taskId, state: raw.state as 'pending' | 'processing', createTime };
  }
}

function toUnknownStateTask(data: Partial<RawTask>, subject: string): UnknownStateTask {
  if (typeof data.taskId !== 'string' || data.taskId === '') {
    throw new WanValidationError(subject, [{ path: 'data.taskId', message: 'must be a non-empty string' }]);
  }
  return {
    state: 'unknown',
    rawState: data.state as string,
    taskId: data.taskId,
    ...(Number.isInteger(data.createTime) ? { createTime: data.createTime as number } : {}),
  };
}

/** `resultJson` is a JSON string holding `{"resultUrls": [...]}`; a succeeded task is useless without it. */
function parseResultUrls(resultJson: string | undefined, subject: string, validate: boolean): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(resultJson ?? '');
  } catch {
    throw new WanValidationError(subject, [{ path: 'data.resultJson', message: 'must be a JSON string' }]);
  }
  if (validate) {
    const result = ResultPayloadSchema.safeParse(payload);
    if (!result.success) {
      const issues = toValidationIssues(result.error, payload).map((issue) => ({
        path: issue.path ? `data.resultJson.${issue.path}` : 'data.resultJson',
        message: issue.message,
      }));
      throw new WanValidationError(subject, issues);
    }
    return result.data.resultUrls;
  }
  const urls = (payload as { resultUrls?: unknown } | null)?.resultUrls;
  if (!Array.isArray(urls)) {
    throw new WanValidationError(subject, [
      { path: 'data.resultJson.resultUrls', message: 'must be an array' },
    ]);
  }
  return urls as string[];
}
