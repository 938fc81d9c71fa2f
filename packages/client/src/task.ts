import type { FailCode } from '@wan25/types';
import { ResultPayloadSchema, TaskStatusResponseSchema, toValidationIssues } from '@wan25/zod';
import { issue, WanValidationError } from './errors.ts';

interface TaskFields {
  taskId: string;
  /** Creation time, Unix epoch milliseconds. */
  createTime: number;
}

/** Received, waiting to run. */
export interface WanPendingTask extends TaskFields {
  state: 'pending';
}

/** Generating. */
export interface WanProcessingTask extends TaskFields {
  state: 'processing';
}

/** Finished with a video. `resultUrls` are temporary: download what you need promptly. */
export interface WanSucceededTask extends TaskFields {
  state: 'success';
  resultUrls: string[];
  completeTime?: number;
  /** Processing time in milliseconds. */
  costTime?: number;
}

/** Finished without a video. */
export interface WanFailedTask extends TaskFields {
  state: 'failed';
  failCode: FailCode;
  failMsg?: string;
  completeTime?: number;
}

/**
 * The API reported a state this version does not know (`rawState`); the rest of the envelope was
 * validated like a known state's. `waitForTask` treats it as not finished for a few reads, then stops
 * with `WanUnknownStateError`.
 */
export interface WanUnknownStateTask extends TaskFields {
  state: 'unknown';
  rawState: string;
}

/** A task as `getTask`, `waitForTask` and `parseWebhook` return it: a union by `state`. */
export type WanTask =
  | WanPendingTask
  | WanProcessingTask
  | WanSucceededTask
  | WanFailedTask
  | WanUnknownStateTask;
export type WanTaskState = WanTask['state'];

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
 * Turns a status envelope (`{ code, message, data }`) into a `WanTask`. With `validate`, the envelope must
 * match the spec; a state the spec does not list is returned as an `WanUnknownStateTask` rather than rejected.
 */
export function toTask(envelope: unknown, subject: string, validate: boolean): WanTask {
  const data = (envelope as { data?: Partial<RawTask> } | null)?.data;
  const rawState = data?.state;
  const unknown = typeof rawState === 'string' && !knownStates.has(rawState);
  let raw: RawTask;
  if (validate) {
    // An unknown state is checked like `pending`, the state with the fewest fields: the rest must still match.
    const checked = unknown ? { ...(envelope as object), data: { ...data, state: 'pending' } } : envelope;
    const result = TaskStatusResponseSchema.safeParse(checked);
    if (!result.success) throw new WanValidationError(subject, toValidationIssues(result.error, checked));
    raw = result.data.data as RawTask;
  } else {
    if (!data) throw new WanValidationError(subject, [issue('data', 'is required', 'invalid_type')]);
    raw = data as RawTask;
  }
  const { taskId, createTime } = raw;
  if (unknown) return { taskId, state: 'unknown', rawState, createTime };
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

/** `resultJson` is a JSON string holding `{"resultUrls": [...]}`; a succeeded task is useless without it. */
function parseResultUrls(resultJson: string | undefined, subject: string, validate: boolean): string[] {
  let payload: unknown;
  try {
    payload = JSON.parse(resultJson ?? '');
  } catch {
    throw new WanValidationError(subject, [
      issue('data.resultJson', 'must be a JSON string', 'invalid_json'),
    ]);
  }
  if (validate) {
    const result = ResultPayloadSchema.safeParse(payload);
    if (!result.success) {
      const issues = toValidationIssues(result.error, payload).map((found) => ({
        ...found,
        path: found.path ? `data.resultJson.${found.path}` : 'data.resultJson',
      }));
      throw new WanValidationError(subject, issues);
    }
    return result.data.resultUrls;
  }
  const urls = (payload as { resultUrls?: unknown } | null)?.resultUrls;
  if (!Array.isArray(urls)) {
    throw new WanValidationError(subject, [
      issue('data.resultJson.resultUrls', 'must be an array', 'invalid_type'),
    ]);
  }
  return urls as string[];
}
