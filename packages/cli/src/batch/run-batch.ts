import { extname, join } from 'node:path';
import {
  estimateCost,
  mayHaveCreatedTask,
  WanApiError,
  type WanClient,
  WanTaskFailedError,
  WanTimeoutError,
} from '@wan25/client';
import type { CommandContext } from '../context.ts';
import { download } from '../download.ts';
import { ExitCode, FileError, InterruptedError, type StopSignal } from '../exit.ts';
import { showBatchProgress } from '../progress.ts';
import { exitCodeOf } from '../report.ts';
import { WaitErrors, waitTimeout } from '../wait-errors.ts';
import type { Journal, LineState } from './journal.ts';
import type { BatchLine } from './lines.ts';

export interface BatchOptions {
  concurrency: number;
  timeoutSeconds: number;
  outDir?: string;
  /** Send lines whose earlier submit may or may not have created a task (see `LineState` `unknown`). */
  resubmitUnknown: boolean;
}

export interface BatchSummary {
  journal: string;
  total: number;
  succeeded: { line: number; taskId: string; resultUrls: string[]; file?: string }[];
  failed: { line: number; taskId: string; failCode: string; failMsg?: string }[];
  /**
   * Submitted, not finished when this run stopped: the next run waits for them. `unrecorded`: the journal
   * failed before it recorded the task id, so the next run reports the line as unknown (never resends it).
   */
  running: { line: number; taskId: string; reason: string; unrecorded?: true }[];
  /** A submit may have been sent without a task id coming back: not resent without `--resubmit-unknown`. */
  unknown: number[];
  /** Not submitted: refused by the API (no task exists) or not reached; the next run submits them. */
  notSubmitted: { line: number; reason: string }[];
  downloadErrors: { line: number; message: string }[];
  submittedThisRun: number;
  estimatedCost: { succeededUsd: number; submittedUsd: number };
  /** Why this run stopped early: Ctrl-C, SIGTERM, or a journal that could not be written. */
  stopped?: { by: StopSignal | 'journal'; message: string };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a batch: waits for the tasks a previous run left running, then submits the lines not yet
 * submitted with at most `concurrency` tasks in flight, recording every step in the journal before
 * acting on it. The first refusal that would hit every line (bad key, no balance) or an ambiguous submit
 * error stops new submits; tasks already running are still waited for.
 */
export async function runBatch(
  context: CommandContext,
  wan: WanClient,
  lines: readonly BatchLine[],
  journal: Journal,
  states: Map<number, LineState>,
  options: BatchOptions,
): Promise<{ summary: BatchSummary; exitCode: number }> {
  const { output } = context;
  // Aborted by Ctrl-C or SIGTERM, and by a journal write that failed: nothing more may happen unrecorded.
  const stop = new AbortController();
  const onInterrupt = () => stop.abort(context.signal.reason);
  if (context.signal.aborted) onInterrupt();
  else context.signal.addEventListener('abort', onInterrupt, { once: true });
  const { signal } = stop;
  /** Appends to the journal; when that fails, stops the run and throws. */
  const record: Journal['append'] = (entry) => {
    try {
      journal.append(entry);
    } catch (error) {
      if (!signal.aborted) stop.abort(error);
      throw error;
    }
  };
  const stateOf = (line: number): LineState => states.get(line) ?? { status: 'new' };
  const set = (line: number, state: LineState) => states.set(line, state);
  let submittedThisRun = 0;
  let stopReason: string | undefined;
  const running = new Map<number, string>();
  const downloadErrors: BatchSummary['downloadErrors'] = [];
  const notReached = new Map<number, string>();
  const unrecorded = new Set<number>();

  const counts = () => {
    const all = [...states.values()];
    return {
      total: lines.length,
      done: all.filter((s) => s.status === 'succeeded' || s.status === 'failed').length,
      running: all.filter((s) => s.status === 'running').length,
      failed: all.filter((s) => s.status === 'failed').length,
    };
  };
  const progress = showBatchProgress(output, counts());
  const event = (text: string) => {
    progress.event(text);
    progress.counts(counts());
  };

  async function save(line: BatchLine, state: Extract<LineState, { status: 'succeeded' }>): Promise<void> {
    const [url] = state.resultUrls;
    if (options.outDir === undefined || url === undefined || state.file !== undefined) return;
    const extension = extname(new URL(url).pathname) || '.mp4';
    const file = join(options.outDir, `line-${String(line.line).padStart(4, '0')}${extension}`);
    try {
      await download(url, file, { output, signal });
    } catch (error) {
      if (signal.aborted) return;
      downloadErrors.push({ line: line.line, message: messageOf(error) });
      event(`line ${line.line}: ${output.colors.red(`download failed: ${messageOf(error)}`)}`);
      return;
    }
    set(line.line, { ...state, file });
    try {
      record({ event: 'downloaded', line: line.line, taskId: state.taskId, file });
    } catch {
      return;
    }
    event(`line ${line.line}: saved ${file}`);
  }

  /** Waits for a line's task; `createdAt` when this run submitted it (no read at once to learn it). */
  async function waitFor(line: BatchLine, taskId: string, createdAt?: number): Promise<void> {
    const errors = new WaitErrors();
    try {
      const task = await wan.waitForTask(taskId, {
        signal,
        resolution: line.input.resolution ?? '1080p',
        ...(createdAt === undefined ? {} : { createdAt }),
        waitTimeoutMs: options.timeoutSeconds * 1000,
        onProgress: (_task, { lastError }) => {
          if (lastError) errors.add(lastError);
        },
      });
      const state = { status: 'succeeded', taskId, resultUrls: task.resultUrls } as const;
      set(line.line, state);
      event(`line ${line.line}: ${output.colors.green('succeeded')} ${task.resultUrls.join(' ')}`);
      record({ event: 'succeeded', line: line.line, taskId, resultUrls: task.resultUrls });
      await save(line, state);
    } catch (error) {
      if (error instanceof FileError) return;
      if (error instanceof WanTaskFailedError) {
        const { failCode, failMsg } = error;
        set(line.line, { status: 'failed', taskId, failCode, ...(failMsg ? { failMsg } : {}) });
        event(
          `line ${line.line}: ${output.colors.red(`failed ${failCode}`)}${failMsg ? ` (${failMsg})` : ''}`,
        );
        try {
          record({ event: 'failed', line: line.line, taskId, failCode, ...(failMsg ? { failMsg } : {}) });
        } catch {
          // Stopped: the summary reports the journal error.
        }
        return;
      }
      const reason =
        error instanceof WanTimeoutError && error.taskId === taskId
          ? waitTimeout(error, taskId, options.timeoutSeconds, errors)
          : error;
      running.set(line.line, signal.aborted ? 'stopped' : messageOf(reason));
      if (!signal.aborted) event(`line ${line.line}: still running, stopped waiting: ${messageOf(reason)}`);
    }
  }

  async function submit(line: BatchLine): Promise<void> {
    if (signal.aborted || stopReason !== undefined) {
      notReached.set(line.line, signal.aborted ? 'stopped' : `not submitted: ${stopReason}`);
      return;
    }
    try {
      record({ event: 'intent', line: line.line, hash: line.hash });
    } catch {
      notReached.set(line.line, 'stopped');
      return;
    }
    set(line.line, { status: 'unknown' });
    let taskId: string;
    const createdAt = Date.now();
    try {
      // Not cancelled by Ctrl-C: an aborted submit may still create a task that the journal would not know.
      // A 429 is waited out by the client (its pause is shared by every worker); one that outlasts it stops
      // new submits like any refusal that would hit every line.
      ({ taskId } = await wan.submit(line.input));
    } catch (error) {
      if (!mayHaveCreatedTask(error)) {
        const status = error instanceof WanApiError ? error.status : undefined;
        set(line.line, { status: 'rejected', reason: messageOf(error) });
        try {
          record({
            event: 'rejected',
            line: line.line,
            hash: line.hash,
            reason: messageOf(error),
            ...(status === undefined ? {} : { status }),
          });
        } catch {
          // The intent stays the last record: the next run reports the line as unknown, never resends it.
        }
        // A 400 is about this line; anything else (key, balance, rate, connection) would hit every line.
        if (status !== 400) stopReason ??= messageOf(error);
      } else {
        stopReason ??= `a submit failed in a way that may have created a task: ${messageOf(error)}`;
      }
      event(`line ${line.line}: ${output.colors.red(`submit failed: ${messageOf(error)}`)}`);
      return;
    }
    set(line.line, { status: 'running', taskId });
    submittedThisRun++;
    event(`line ${line.line}: submitted ${taskId}`);
    try {
      record({ event: 'submitted', line: line.line, hash: line.hash, taskId });
    } catch {
      // The next run reports this line as unknown (never resends it): say which task it is now.
      running.set(line.line, 'the journal could not record its task id');
      unrecorded.add(line.line);
      return;
    }
    if (!signal.aborted) await waitFor(line, taskId, createdAt);
    else running.set(line.line, 'stopped');
  }

  // What an earlier run left (tasks to wait for, results to save) first, then new submits.
  const resumed: (() => Promise<void>)[] = [];
  const fresh: (() => Promise<void>)[] = [];
  for (const line of lines) {
    const state = stateOf(line.line);
    if (state.status === 'running') resumed.push(() => waitFor(line, state.taskId));
    else if (state.status === 'succeeded') resumed.push(() => save(line, state));
    else if (state.status === 'new' || state.status === 'rejected') fresh.push(() => submit(line));
    else if (state.status === 'unknown' && options.resubmitUnknown) fresh.push(() => submit(line));
  }
  const jobs = [...resumed, ...fresh];
  const worker = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  };
  try {
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, Math.max(1, jobs.length)) }, worker),
    );
  } finally {
    progress.stop();
    context.signal.removeEventListener('abort', onInterrupt);
  }

  const summary = summarize(lines, states, {
    journal,
    running,
    notReached,
    downloadErrors,
    submittedThisRun,
    unrecorded,
  });
  const reason: unknown = signal.reason;
  if (reason instanceof InterruptedError) summary.stopped = { by: reason.signal, message: reason.message };
  else if (reason instanceof FileError) summary.stopped = { by: 'journal', message: reason.message };
  const left =
    summary.unknown.length + summary.running.length + summary.notSubmitted.length + downloadErrors.length;
  const exitCode = signal.aborted
    ? exitCodeOf(reason)
    : left > 0
      ? ExitCode.apiOrNetwork
      : summary.failed.length > 0
        ? ExitCode.taskFailed
        : ExitCode.ok;
  return { summary, exitCode };
}

function summarize(
  lines: readonly BatchLine[],
  states: Map<number, LineState>,
  run: {
    journal: Journal;
    running: Map<number, string>;
    notReached: Map<number, string>;
    downloadErrors: BatchSummary['downloadErrors'];
    submittedThisRun: number;
    unrecorded: ReadonlySet<number>;
  },
): BatchSummary {
  const summary: BatchSummary = {
    journal: run.journal.path,
    total: lines.length,
    succeeded: [],
    failed: [],
    running: [],
    unknown: [],
    notSubmitted: [],
    downloadErrors: run.downloadErrors,
    submittedThisRun: run.submittedThisRun,
    estimatedCost: { succeededUsd: 0, submittedUsd: 0 },
  };
  let succeededCents = 0;
  let submittedCents = 0;
  for (const { line, input } of lines) {
    const state = states.get(line) ?? { status: 'new' };
    const cents = Math.round(estimateCost(input).usd * 100);
    switch (state.status) {
      case 'succeeded':
        succeededCents += cents;
        submittedCents += cents;
        summary.succeeded.push({
          line,
          taskId: state.taskId,
          resultUrls: state.resultUrls,
          ...(state.file === undefined ? {} : { file: state.file }),
        });
        break;
      case 'failed':
        submittedCents += cents;
        summary.failed.push({
          line,
          taskId: state.taskId,
          failCode: state.failCode,
          ...(state.failMsg === undefined ? {} : { failMsg: state.failMsg }),
        });
        break;
      case 'running':
        submittedCents += cents;
        summary.running.push({
          line,
          taskId: state.taskId,
          reason: run.running.get(line) ?? 'not waited for',
          ...(run.unrecorded.has(line) ? { unrecorded: true } : {}),
        });
        break;
      case 'unknown':
        summary.unknown.push(line);
        break;
      case 'rejected':
        summary.notSubmitted.push({ line, reason: state.reason });
        break;
      case 'new':
        summary.notSubmitted.push({ line, reason: run.notReached.get(line) ?? 'not submitted' });
        break;
    }
  }
  summary.estimatedCost = { succeededUsd: succeededCents / 100, submittedUsd: submittedCents / 100 };
  return summary;
}
