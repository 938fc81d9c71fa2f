import { type Resolution, typicalSecondsByResolution, type WanTask } from '@wan25/client';
import cliProgress from 'cli-progress';
import { describeTypical, formatBytes, formatDuration } from './format.ts';
import type { Output } from './output.ts';
import type { WaitErrors } from './wait-errors.ts';

/**
 * Shows a task's progress while `waitForTask` polls: `update` with every state read (and every failed read,
 * with `failed`), then `stop`.
 */
export interface WaitProgressView {
  update(task: WanTask | undefined, failed?: Error): void;
  stop(): void;
}

const tickMs = 1000;

/**
 * On a terminal, a live line redrawn every second: the state, the time waited against the typical time
 * for the resolution (also drawn as a bar). Elsewhere, one plain line per state read.
 */
export function showWaitProgress(
  output: Output,
  resolution: Resolution | undefined,
  errors: WaitErrors,
): WaitProgressView {
  const startedAt = Date.now();
  const typical = resolution === undefined ? '' : ` (${describeTypical(resolution)})`;
  const { colors } = output;
  const describe = (task: WanTask | undefined) =>
    task === undefined ? 'waiting' : task.state === 'unknown' ? task.rawState : task.state;
  const elapsed = () => formatDuration(Date.now() - startedAt);

  if (!output.live) {
    return {
      update: (task, failed) =>
        output.note(
          failed === undefined
            ? `${describe(task)}, ${elapsed()} elapsed${typical}`
            : `reading the status failed (${failed.message}), trying again; ${elapsed()} elapsed`,
        ),
      stop: () => {},
    };
  }

  const totalSeconds = resolution === undefined ? 0 : typicalSecondsByResolution[resolution][1];
  const bar = new cliProgress.SingleBar({
    stream: output.stderr,
    format: `${colors.cyan('{state}')} ${totalSeconds > 0 ? '{bar} ' : ''}{elapsed} elapsed${typical}{errors}`,
    barsize: 20,
    hideCursor: true,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  let state = 'waiting';
  const render = () => {
    const elapsedMs = Date.now() - startedAt;
    const seen = errors.count > 0 ? colors.yellow(` · failed reads: ${errors.describe()}`) : '';
    bar.update(Math.min(totalSeconds, elapsedMs / 1000), { state, elapsed: elapsed(), errors: seen });
  };
  bar.start(totalSeconds, 0, { state, elapsed: formatDuration(0), errors: '' });
  const ticker = setInterval(render, tickMs);
  return {
    update(task) {
      state = describe(task);
      render();
    },
    stop() {
      clearInterval(ticker);
      render();
      bar.stop();
    },
  };
}

/** Download progress: a bar on a terminal when the size is known, nothing elsewhere. */
export interface DownloadProgressView {
  advance(bytes: number): void;
  stop(): void;
}

export function showDownloadProgress(output: Output, totalBytes: number | undefined): DownloadProgressView {
  if (!output.live) return { advance: () => {}, stop: () => {} };
  const known = totalBytes !== undefined && totalBytes > 0;
  const bar = new cliProgress.SingleBar({
    stream: output.stderr,
    format: known ? 'downloading {bar} {percentage}% {received} of {size}' : 'downloading {received}',
    barsize: 20,
    hideCursor: true,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  let received = 0;
  bar.start(known ? totalBytes : 0, 0, { received: formatBytes(0), size: formatBytes(totalBytes ?? 0) });
  return {
    advance(bytes) {
      received += bytes;
      bar.update(known ? Math.min(received, totalBytes) : 0, { received: formatBytes(received) });
    },
    stop: () => bar.stop(),
  };
}

export interface BatchCounts {
  done: number;
  total: number;
  running: number;
  failed: number;
}

/** A batch's progress: one line per event, and on a terminal a live line of counts below them. */
export interface BatchProgressView {
  event(line: string): void;
  counts(counts: BatchCounts): void;
  stop(): void;
}

export function showBatchProgress(output: Output, initial: BatchCounts): BatchProgressView {
  if (!output.live) return { event: (line) => output.note(line), counts: () => {}, stop: () => {} };
  const startedAt = Date.now();
  const multi = new cliProgress.MultiBar({
    stream: output.stderr,
    format: `{bar} {value}/{total} done · {running} running · ${output.colors.red('{failed} failed')} · {elapsed}`,
    barsize: 20,
    hideCursor: true,
    barCompleteChar: '█',
    barIncompleteChar: '░',
  });
  let current = initial;
  const payload = () => ({
    running: current.running,
    failed: current.failed,
    elapsed: formatDuration(Date.now() - startedAt),
  });
  const bar = multi.create(initial.total, initial.done, payload());
  const ticker = setInterval(() => bar.update(current.done, payload()), tickMs);
  return {
    event: (line) => multi.log(`${line}\n`),
    counts(counts) {
      current = counts;
      bar.update(counts.done, payload());
    },
    stop() {
      clearInterval(ticker);
      bar.update(current.done, payload());
      multi.stop();
    },
  };
}
