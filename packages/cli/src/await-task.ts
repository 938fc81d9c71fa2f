import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Resolution, type WanClient, type WanSucceededTask, WanTimeoutError } from '@wan25/client';
import { download } from './download.ts';
import { UsageError } from './exit.ts';
import { formatBytes, formatDuration } from './format.ts';
import type { Output } from './output.ts';
import { showWaitProgress } from './progress.ts';
import { WaitErrors, waitTimeout } from './wait-errors.ts';

export interface AwaitTaskOptions {
  output: Output;
  signal: AbortSignal;
  resolution?: Resolution;
  /**
   * When the task was created (epoch ms), known when this process submitted it: the first status read
   * then waits for the first poll time instead of going out at once to learn the creation time.
   */
  createdAt?: number;
  /** Seconds. */
  timeoutSeconds: number;
  /** Download the first result URL here. */
  out?: string;
}

export interface TaskResult {
  task: WanSucceededTask;
  /** Where the first result was saved, with `out`. */
  file?: string;
}

/** Fails before anything is sent (or paid for) when `--out` could not be written. */
export async function checkWritable(file: string): Promise<void> {
  const path = resolve(file);
  const folder = dirname(path);
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new UsageError(`--out: folder ${folder} does not exist`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--out: cannot write in ${folder}`);
  }
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--out: ${path} is a folder; give a file name`);
}

/** Waits for the task with progress, then downloads its first result with `out`. Throws when it fails. */
export async function awaitTask(
  wan: WanClient,
  taskId: string,
  options: AwaitTaskOptions,
): Promise<TaskResult> {
  const { output, signal, resolution, createdAt, timeoutSeconds, out } = options;
  const errors = new WaitErrors();
  const progress = showWaitProgress(output, resolution, errors);
  let task: WanSucceededTask;
  try {
    task = await wan.waitForTask(taskId, {
      signal,
      onProgress: (current, { lastError }) => {
        const failed = lastError !== undefined && errors.add(lastError);
        progress.update(current, failed ? lastError : undefined);
      },
      waitTimeoutMs: timeoutSeconds * 1000,
      ...(resolution === undefined ? {} : { resolution }),
      ...(createdAt === undefined ? {} : { createdAt }),
    });
  } catch (error) {
    if (error instanceof WanTimeoutError && error.taskId === taskId) {
      throw waitTimeout(error, taskId, timeoutSeconds, errors);
    }
    throw error;
  } finally {
    progress.stop();
  }
  const took = task.costTime === undefined ? '' : ` (generation took ${formatDuration(task.costTime)})`;
  output.note(output.colors.green(`Task ${taskId} succeeded${took}`));
  const [first] = task.resultUrls;
  if (out === undefined || first === undefined) return { task };
  const bytes = await download(first, out, { output, signal });
  output.note(`Saved ${formatBytes(bytes)} to ${out}`);
  return { task, file: out };
}
