import type { Resolution } from '@wan25/types';
import { sleep } from './abort.ts';
import {
  issue,
  WanApiError,
  WanConnectionError,
  WanTaskFailedError,
  WanTimeoutError,
  WanUnknownStateError,
  WanValidationError,
} from './errors.ts';
import {
  pollIntervalMs as defaultPollIntervalMs,
  firstPollDelayMsByResolution,
} from './generated/facts.gen.ts';
import { checkNumbers } from './options.ts';
import type { WanSucceededTask, WanTask } from './task.ts';

const defaultWaitTimeoutMs = 15 * 60_000;
/**
 * Reads in a row that may find the task in a state this version does not know before `waitForTask` gives
 * up with `WanUnknownStateError`: a renamed or new final state (`SUCCESS`) must not cost the whole deadline.
 */
export const maxUnknownStateReads = 3;

export interface WaitProgress {
  /** Milliseconds since `waitForTask` started. */
  elapsedMs: number;
  /** Status reads made so far. */
  polls: number;
  /** The last transient error (429, 5xx, network, request timeout) seen since the previous report. */
  lastError?: Error;
}

export interface WaitForTaskOptions {
  signal?: AbortSignal;
  /** Deadline of the whole wait; `WanTimeoutError` when it passes. Default 15 minutes. */
  waitTimeoutMs?: number;
  /**
   * Called with every task state read, and with the last task read (if any) when a read fails with a
   * transient error that the wait rides out (`progress.lastError`).
   */
  onProgress?: (task: WanTask | undefined, progress: WaitProgress) => void;
  /**
   * The resolution the task was submitted with, which sets the first poll
   * (`firstPollDelayMsByResolution`). Unknown means the API default, 1080p. `generate()` passes it.
   */
  resolution?: Resolution;
  /**
   * When the task was created (epoch milliseconds), if you know it: the first read then waits for the
   * recommended first poll instead of reading at once to learn `createTime`. `generate()` passes it.
   */
  createdAt?: number;
  /** Overrides the first poll delay, counted from the task's creation. */
  firstPollDelayMs?: number;
  /** Delay between later polls. Default `pollIntervalMs` (the API reference's). */
  pollIntervalMs?: number;
  /** Deadline of each status read, instead of the client's `requestTimeoutMs`. */
  requestTimeoutMs?: number;
  /** Headers added to every status read of this wait. */
  headers?: Record<string, string>;
}

type GetTask = (
  taskId: string,
  options: { signal: AbortSignal; requestTimeoutMs?: number; headers?: Record<string, string> },
) => Promise<WanTask>;

function isTransient(error: unknown): error is Error {
  if (error instanceof WanApiError) return error.status === 429 || error.status >= 500;
  return error instanceof WanConnectionError || error instanceof WanTimeoutError;
}

function describeState(task: WanTask | undefined): string {
  if (task === undefined) return 'no status read yet';
  return task.state === 'unknown'
    ? `state "${task.rawState}" (unknown to this version)`
    : `state ${task.state}`;
}

/**
 * Polls until the task succeeds (resolves), fails (`WanTaskFailedError`), stays in states this version
 * does not know (`WanUnknownStateError`), the deadline passes (`WanTimeoutError`) or `signal` aborts (its
 * reason). When `createdAt` is known the first read waits for the recommended delay; otherwise it reads
 * at once to learn `createTime`.
 */
export async function pollTask(
  getTask: GetTask,
  taskId: string,
  options: WaitForTaskOptions,
): Promise<WanSucceededTask> {
  const {
    signal,
    onProgress,
    createdAt,
    waitTimeoutMs = defaultWaitTimeoutMs,
    pollIntervalMs = defaultPollIntervalMs,
  } = options;
  checkNumbers('Invalid wait options', {
    waitTimeoutMs: [options.waitTimeoutMs, 'a positive number'],
    createdAt: [createdAt, 'a non-negative number'],
    firstPollDelayMs: [options.firstPollDelayMs, 'a non-negative number'],
    // Zero would poll in a tight loop.
    pollIntervalMs: [options.pollIntervalMs, 'a positive number'],
    requestTimeoutMs: [options.requestTimeoutMs, 'a positive number'],
  });
  const resolution = options.resolution ?? '1080p';
  if (!Object.hasOwn(firstPollDelayMsByResolution, resolution)) {
    throw new WanValidationError('Invalid wait options', [
      issue(
        'resolution',
        `must be one of ${Object.keys(firstPollDelayMsByResolution).join(', ')}`,
        'invalid_value',
      ),
    ]);
  }
  if (signal?.aborted) throw signal.reason;
  const firstPollDelayMs = options.firstPollDelayMs ?? firstPollDelayMsByResolution[resolution];
  const readOptions = {
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  };
  const startedAt = Date.now();
  let polls = 0;
  let lastTask: WanTask | undefined;
  let lastError: Error | undefined;

  // One controller per wait, linked to the caller's signal by a listener removed when the wait ends:
  // `AbortSignal.any` would keep every wait's signal alive as long as a long-lived caller signal.
  const wait = new AbortController();
  const onCallerAbort = () => wait.abort(signal?.reason);
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    const error = lastError ? `; last error: ${lastError.message}` : '';
    wait.abort(
      new WanTimeoutError(
        `Task ${taskId} did not finish within ${waitTimeoutMs} ms (${polls} reads, last ${describeState(lastTask)}${error}); it may still finish`,
        { timeoutMs: waitTimeoutMs, taskId },
      ),
    );
  }, waitTimeoutMs);
  // Until the first poll time; never longer than the first delay, in case the server clock runs ahead.
  const untilFirstPoll = (createTime: number) =>
    Math.min(firstPollDelayMs, Math.max(0, createTime + firstPollDelayMs - Date.now()));

  try {
    let delayMs = createdAt === undefined ? 0 : untilFirstPoll(createdAt);
    let firstPollScheduled = createdAt !== undefined;
    let unknownReads = 0;
    for (;;) {
      // A timer of 0 ms still waits a macrotask (at least 1 ms in Node): the first read goes out at once.
      if (delayMs > 0) await sleep(delayMs, wait.signal);
      delayMs = pollIntervalMs;
      let task: WanTask;
      try {
        polls++;
        task = await getTask(taskId, { signal: wait.signal, ...readOptions });
      } catch (error) {
        if (wait.signal.aborted) throw wait.signal.reason;
        if (!isTransient(error)) throw error;
        lastError = error;
        if (error instanceof WanApiError && error.retryAfterMs !== undefined) {
          delayMs = Math.max(delayMs, error.retryAfterMs);
        }
        onProgress?.(lastTask, { elapsedMs: Date.now() - startedAt, polls, lastError: error });
        continue;
      }
      lastTask = task;
      onProgress?.(task, {
        elapsedMs: Date.now() - startedAt,
        polls,
        ...(lastError === undefined ? {} : { lastError }),
      });
      lastError = undefined;
      if (task.state === 'success') return task;
      if (task.state === 'failed') throw new WanTaskFailedError(task);
      unknownReads = task.state === 'unknown' ? unknownReads + 1 : 0;
      if (task.state === 'unknown' && unknownReads >= maxUnknownStateReads) {
        throw new WanUnknownStateError(task, unknownReads);
      }
      if (!firstPollScheduled) {
        firstPollScheduled = true;
        delayMs = Math.max(pollIntervalMs, untilFirstPoll(task.createTime));
      }
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}
