import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import * as z from 'zod';
import { UsageError } from '../exit.ts';
import type { BatchLine } from './lines.ts';

const lineNumber = z.number().int().min(1);
const at = z.string();

/**
 * One record of the journal, a JSONL file appended (and flushed to disk) as the batch goes:
 * - `intent` is written before a submit is sent, `submitted` (with the task id) once it is accepted, and
 *   `rejected` when the API refused it, so no task exists. An `intent` with neither after it means the
 *   submit may have created a task that we never heard of: such a line is never resent silently.
 * - `succeeded` / `failed` record how the task ended, `downloaded` where its result was saved.
 */
const entrySchema = z.discriminatedUnion('event', [
  z.object({ event: z.literal('intent'), line: lineNumber, hash: z.string(), at }),
  z.object({ event: z.literal('submitted'), line: lineNumber, hash: z.string(), taskId: z.string(), at }),
  z.object({
    event: z.literal('rejected'),
    line: lineNumber,
    hash: z.string(),
    reason: z.string(),
    status: z.number().int().optional(),
    at,
  }),
  z.object({
    event: z.literal('succeeded'),
    line: lineNumber,
    taskId: z.string(),
    resultUrls: z.array(z.string()),
    at,
  }),
  z.object({
    event: z.literal('failed'),
    line: lineNumber,
    taskId: z.string(),
    failCode: z.string(),
    failMsg: z.string().optional(),
    at,
  }),
  z.object({ event: z.literal('downloaded'), line: lineNumber, taskId: z.string(), file: z.string(), at }),
]);
export type JournalEntry = z.infer<typeof entrySchema>;
type NewEntry = JournalEntry extends infer E ? (E extends JournalEntry ? Omit<E, 'at'> : never) : never;

/** Where a line stands after replaying the journal. */
export type LineState =
  | { status: 'new' }
  | { status: 'rejected'; reason: string }
  | { status: 'unknown' }
  | { status: 'running'; taskId: string }
  | { status: 'succeeded'; taskId: string; resultUrls: string[]; file?: string }
  | { status: 'failed'; taskId: string; failCode: string; failMsg?: string };

/** An append-only journal file, locked against a second `wan25 batch` using it at the same time. */
export class Journal {
  readonly path: string;
  readonly #fd: number;
  readonly #lockPath: string;

  private constructor(path: string, fd: number, lockPath: string) {
    this.path = path;
    this.#fd = fd;
    this.#lockPath = lockPath;
  }

  /** Opens (or creates) the journal and replays it against the batch's lines. */
  static open(
    path: string,
    lines: readonly BatchLine[],
  ): { journal: Journal; states: Map<number, LineState> } {
    const lockPath = `${path}.lock`;
    lock(lockPath);
    try {
      const entries = readEntries(path);
      const states = replay(entries, lines, path);
      const fd = openSync(path, 'a');
      return { journal: new Journal(path, fd, lockPath), states };
    } catch (error) {
      rmSync(lockPath, { force: true });
      throw error;
    }
  }

  /** Appends one entry and flushes it to disk before returning. */
  append(entry: NewEntry): void {
    writeSync(this.#fd, `${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`);
    fsyncSync(this.#fd);
  }

  close(): void {
    closeSync(this.#fd);
    rmSync(this.#lockPath, { force: true });
  }
}

/** Takes the lock file, or fails while a live process holds it; a lock left by a dead process is taken over. */
function lock(lockPath: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code !== 'EEXIST')
        throw new UsageError(`Cannot create ${lockPath} beside the journal (${code ?? String(error)})`);
    }
    const holder = Number(readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new UsageError(`Another wan25 batch (pid ${holder}) is using this journal (${lockPath} exists)`);
    }
    rmSync(lockPath, { force: true });
  }
  throw new UsageError(`Cannot lock the journal: ${lockPath} keeps reappearing`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The journal's entries. A last line cut short (the process was killed while writing it) is dropped and
 * truncated away; damage anywhere else is an error, since guessing could resend a paid task.
 */
function readEntries(path: string): JournalEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length < text.length) truncateSync(path, Buffer.byteLength(complete));
  return complete
    .split('\n')
    .slice(0, -1)
    .map((raw, index) => {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        value = undefined;
      }
      const parsed = entrySchema.safeParse(value);
      if (!parsed.success)
        throw new UsageError(`Journal ${path} is damaged at line ${index + 1}: ${raw.slice(0, 80)}`);
      return parsed.data;
    });
}

function replay(
  entries: readonly JournalEntry[],
  lines: readonly BatchLine[],
  path: string,
): Map<number, LineState> {
  const hashes = new Map(lines.map(({ line, hash }) => [line, hash]));
  const states = new Map<number, LineState>(lines.map(({ line }) => [line, { status: 'new' }]));
  for (const entry of entries) {
    if ('hash' in entry && hashes.get(entry.line) !== entry.hash) {
      throw new UsageError(
        `Line ${entry.line} of the batch file differs from the one journal ${path} recorded: ` +
          'a journal belongs to one batch file; use another --journal for a new or edited file',
      );
    }
    const state = states.get(entry.line);
    switch (entry.event) {
      case 'intent':
        states.set(entry.line, { status: 'unknown' });
        break;
      case 'submitted':
        states.set(entry.line, { status: 'running', taskId: entry.taskId });
        break;
      case 'rejected':
        states.set(entry.line, { status: 'rejected', reason: entry.reason });
        break;
      case 'succeeded':
        states.set(entry.line, { status: 'succeeded', taskId: entry.taskId, resultUrls: entry.resultUrls });
        break;
      case 'failed':
        states.set(entry.line, {
          status: 'failed',
          taskId: entry.taskId,
          failCode: entry.failCode,
          ...(entry.failMsg === undefined ? {} : { failMsg: entry.failMsg }),
        });
        break;
      case 'downloaded':
        if (state?.status === 'succeeded') states.set(entry.line, { ...state, file: entry.file });
        break;
    }
  }
  return states;
}
