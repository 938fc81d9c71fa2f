import { randomBytes } from 'node:crypto';
import type { StatusEnvelope } from './spec.ts';

/** The example a task ends as when its submit names none: the status endpoint's first, `success`. */
export const defaultOutcome = 'success';

export interface MockTask {
  readonly taskId: string;
  /** Epoch ms of the submit: the task's `createTime`. */
  readonly createdAt: number;
  /** Epoch ms at which the task reaches its outcome: its `completeTime`. */
  readonly completesAt: number;
  /** The status example the task ends as. */
  readonly outcome: string;
  /** Where its final status is POSTed (callback mode). */
  readonly callbackUrl?: string;
}

/** Each accepted submit's task, and where it stands on the mock's clock. */
export class TaskBook {
  readonly #tasks = new Map<string, MockTask>();
  readonly #taskMs: number;

  constructor(taskSeconds: number) {
    this.#taskMs = Math.round(taskSeconds * 1000);
  }

  create(outcome: string, callbackUrl: string | undefined, now = Date.now()): MockTask {
    const task: MockTask = {
      taskId: `task_${randomBytes(8).toString('hex')}`,
      createdAt: now,
      completesAt: now + this.#taskMs,
      outcome,
      ...(callbackUrl === undefined ? {} : { callbackUrl }),
    };
    this.#tasks.set(task.taskId, task);
    return task;
  }

  get(taskId: string): MockTask | undefined {
    return this.#tasks.get(taskId);
  }
}

/**
 * The status example a task answers at `now`: `pending` for the first half of its time, `processing`
 * for the second, then its outcome. An outcome of `pending` or `processing` is where the task stays.
 */
export function exampleAt(task: MockTask, now = Date.now()): string {
  if (now >= task.completesAt) return task.outcome;
  if (task.outcome === 'pending') return 'pending';
  return now < (task.createdAt + task.completesAt) / 2 ? 'pending' : 'processing';
}

/** Whether the outcome is final (success or failed), which is when a callback is delivered. */
export function isFinal(example: StatusEnvelope): boolean {
  return example.data.state === 'success' || example.data.state === 'failed';
}

/**
 * `example` told about `task`: its id, its times on the mock's clock (each only where the example has
 * that field), and result URLs on the mock's own file server.
 */
export function describeTask(task: MockTask, example: StatusEnvelope, filesUrl: string): StatusEnvelope {
  const data: StatusEnvelope['data'] = { ...example.data, taskId: task.taskId, createTime: task.createdAt };
  if ('completeTime' in data) data.completeTime = task.completesAt;
  if ('costTime' in data) data.costTime = task.completesAt - task.createdAt;
  if ('resultJson' in data) data.resultJson = localResultJson(data.resultJson, `${filesUrl}/${task.taskId}`);
  return { ...example, data };
}

/** `resultJson` with each result URL moved to `filesUrl`, keeping its file name. */
export function localResultJson(resultJson: string, filesUrl: string): string {
  const payload = JSON.parse(resultJson) as { resultUrls?: unknown };
  if (!Array.isArray(payload.resultUrls)) return resultJson;
  const resultUrls = payload.resultUrls.map((url) => {
    const name = typeof url === 'string' && URL.canParse(url) ? new URL(url).pathname.split('/').pop() : '';
    return `${filesUrl}/${name || 'video.mp4'}`;
  });
  return JSON.stringify({ ...payload, resultUrls });
}
