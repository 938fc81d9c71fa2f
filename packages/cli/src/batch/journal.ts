import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { FileError, systemCode, UsageError } from '../exit.ts';
import type { BatchLine } from './lines.ts';
import { acquireLock, type Lock } from './lock.ts';

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

/**
 * An append-only journal file, locked against a second `wan25 batch` using it at the same time.
 *
 * Durability: `append` writes the record at the end of the last whole record, flushes it to the disk
 * (fsync) and reads it back before returning, so a record the batch acts on is whole and on disk. When any
 * of that fails (a full disk, a lost permission, an I/O error), the file is cut back to the last whole
 * record, the journal refuses every later append and `append` throws a `FileError`: the action the record
 * was for is not taken. A new journal's folder is flushed too, so the file itself survives a power loss.
 */
export class Journal {
  readonly path: string;
  readonly #fd: number;
  readonly #lock: Lock;
  /** Bytes of whole records in the file. */
  #size: number;
  #failure: FileError | undefined;

  private constructor(path: string, fd: number, lock: Lock, size: number) {
    this.path = path;
    this.#fd = fd;
    this.#lock = lock;
    this.#size = size;
  }

  /** Opens (or creates) the journal and replays it against the batch's lines. */
  static open(
    path: string,
    lines: readonly BatchLine[],
  ): { journal: Journal; states: Map<number, LineState> } {
    const lock = acquireLock(`${path}.lock`);
    let fd: number | undefined;
    try {
      fd = openJournal(path);
      const { entries, size } = readEntries(fd, path);
      const states = replay(entries, lines, path);
      return { journal: new Journal(path, fd, lock, size), states };
    } catch (error) {
      if (fd !== undefined) closeSync(fd);
      lock.release();
      throw error;
    }
  }

  /** Appends one record, whole and flushed to disk, before returning; throws a `FileError` when it cannot. */
  append(entry: NewEntry): void {
    if (this.#failure) throw this.#failure;
    const record = Buffer.from(`${JSON.stringify({ ...entry, at: new Date().toISOString() })}\n`);
    try {
      for (let done = 0; done < record.length; ) {
        done += writeSync(this.#fd, record, done, record.length - done, this.#size + done);
      }
      fsyncSync(this.#fd);
      const back = Buffer.alloc(record.length);
      const read = readSync(this.#fd, back, 0, record.length, this.#size);
      if (
        read !== record.length ||
        !back.equals(record) ||
        fstatSync(this.#fd).size !== this.#size + record.length
      ) {
        throw new Error('the record read back differs from the one written');
      }
      this.#size += record.length;
    } catch (error) {
      try {
        ftruncateSync(this.#fd, this.#size);
        fsyncSync(this.#fd);
      } catch {
        // The next run drops a last record that is cut short.
      }
      this.#failure = new FileError(`Cannot write the journal ${this.path}`, this.path, error);
      throw this.#failure;
    }
  }

  close(): void {
    closeSync(this.#fd);
    this.#lock.release();
  }
}

/** Opens the journal for reading and writing, creating it (and flushing its folder) when missing. */
function openJournal(path: string): number {
  try {
    return openSync(path, 'r+');
  } catch (error) {
    if (systemCode(error) !== 'ENOENT') throw new FileError(`Cannot open the journal ${path}`, path, error);
  }
  try {
    const fd = openSync(path, 'wx+');
    const folder = openSync(dirname(path), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
    return fd;
  } catch (error) {
    throw new FileError(`Cannot create the journal ${path}`, path, error);
  }
}

/**
 * The journal's entries and the length of its whole records. A last record cut short (the process died
 * while writing it) is dropped and cut away; damage anywhere else is an error, since guessing could
 * resend a paid task.
 */
function readEntries(fd: number, path: string): { entries: JournalEntry[]; size: number } {
  let text: string;
  try {
    text = readFileSync(fd, 'utf8');
  } catch (error) {
    throw new FileError(`Cannot read the journal ${path}`, path, error);
  }
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const size = Buffer.byteLength(complete);
  if (complete.length < text.length) {
    try {
      ftruncateSync(fd, size);
      fsyncSync(fd);
    } catch (error) {
      throw new FileError(`Cannot repair the journal ${path}`, path, error);
    }
  }
  const entries = complete
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
  return { entries, size };
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
