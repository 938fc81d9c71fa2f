import type { Resolution } from '@wan25/types';
import { sleep } from './abort.ts';
import {
  WanApiError,
  WanConnectionError,
  WanTaskFailedError,
  WanTimeoutError,
  WanValidationError,
} from './errors.ts';
import { checkNumbers } from './options.ts';
import type { SucceededTask, Task } from './task.ts';

/** The API reference's recommended first poll, counted from `createTime`. */
export const firstPollDelayMsByResolution: Readonly<Record<Resolution, number>> = {
  '480p': 40_000,
  '720p': 60_000,
  '1080p': 90_000,
};
const defaultPollIntervalMs = 10_000;
const defaultWaitTimeoutMs = 15 * 60_000;

export interface WaitProgress {
  /** Milliseconds since `waitForTask` started. */
  elapsedMs: number;
  /** Status reads made so far. */
  polls: number;
}

export interface WaitForTaskOptions {
  signal?: AbortSignal;
  /** Overall deadline; `WanTimeoutError` when it passes. Default 15 minutes. */
  timeoutMs?: number;
  /** Called with every task state read. */
  onProgress?: (task: Task, progress: WaitProgress) => void;
  /**
   * The resolution the task was submitted with, which sets the first poll (40/60/90 s after creation
   * for 480p/720p/1080p). Unknown means the API default, 1080p. `generate()` passes it for you.
   */
  resolution?: Resolution;
  /** Overrides the first poll delay, counted from the task's `createTime`. */
  firstPollDelayMs?: number;
  /** Delay between later polls. Default 10 s. */
  pollIntervalMs?: number;
}

type GetTask = (taskId: string, options: { signal: AbortSignal }) => Promise<Task>;

function isTransient(error: unknown): boolean {
  if (error instanceof WanApiError) return error.status === 429 || error.status >= 500;
  return error instanceof WanConnectionError || error instanceof WanTimeoutError;
}

/**
 * Polls until the task succeeds (resolves), fails (`WanTaskFailedError`), the deadline passes
 * (`WanTimeoutError`) or `signal` aborts (its reason). When `createdAt` is known (right after a submit)
 * the first read waits for the recommended delay; otherwise it reads at once to learn `createTime`.
 */
export async function pollTask(
  getTask: GetTask,
  taskId: string,
  options: WaitForTaskOptions,
  createdAt?: number,
): Promise<SucceededTask> {
  const {
    signal,
    onProgress,
    timeoutMs = defaultWaitTimeoutMs,
    pollIntervalMs = defaultPollIntervalMs,
  } = options;
  checkNumbers('Invalid wait options', {
    timeoutMs: [options.timeoutMs, 'a positive number'],
    firstPollDelayMs: [options.firstPollDelayMs, 'a non-negative number'],
    // Zero would poll in a tight loop.
    pollIntervalMs: [options.pollIntervalMs, 'a positive number'],
  });
  const resolution = options.resolution ?? '1080p';
  if (!Object.hasOwn(firstPollDelayMsByResolution, resolution)) {
    throw new WanValidationError('Invalid wait options', [
      { path: 'resolution', message: 'must be one of 480p, 720p, 1080p' },
    ]);
  }
  const firstPollDelayMs = options.firstPollDelayMs ?? firstPollDelayMsByResolution[resolution];
  const startedAt = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new WanTimeoutError(`Task ${taskId} did not finish within ${timeoutMs} ms (it may still finish)`, {
          timeoutMs,
          taskId,
        }),
      ),
    timeoutMs,
  );
  const waitSignal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  // Until the first poll time; never longer than the first delay, in case the server clock runs ahead.
  const untilFirstPoll = (createTime: number) =>
    Math.min(firstPollDelayMs, Math.max(0, createTime + firstPollDelayMs - Date.now()));

  try {
    let delayMs = createdAt === undefined ? 0 : untilFirstPoll(createdAt);
    let firstPollScheduled = createdAt !== undefined;
    let polls = 0;
    for (;;) {
      await sleep(delayMs, waitSignal);
      delayMs = pollIntervalMs;
      let task: Task;
      try {
        polls++;
        task = await getTask(taskId, { signal: waitSignal });
      } catch (error) {
        if (waitSignal.aborted) throw waitSignal.reason;
        if (!isTransient(error)) throw error;
        if (error instanceof WanApiError && error.retryAfterMs !== undefined) {
          delayMs = Math.max(delayMs, error.retryAfterMs);
        }
        continue;
      }
      onProgress?.(task, { elapsedMs: Date.now() - startedAt, polls });
      if (task.state === 'success') return task;
      if (task.state === 'failed') throw new WanTaskFailedError(task);
      if (!firstPollScheduled && task.createTime !== undefined) {
        firstPollScheduled = true;
        delayMs = Math.max(pollIntervalMs, untilFirstPoll(task.createTime));
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
