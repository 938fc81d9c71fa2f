import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { FileError, systemCode, UsageError } from '../exit.ts';

/** Who holds a lock: written whole into the lock file before it appears under its name. */
interface Holder {
  pid: number;
  host?: string;
  /** The process's start time (Linux: clock ticks since boot), so a reused pid is not taken for the holder. */
  started?: string;
  nonce?: string;
}

/** A live run holds the lock. */
export class LockHeldError extends UsageError {
  override name = 'LockHeldError';
}

/** A held lock; `release` removes it if it is still ours. */
export interface Lock {
  release(): void;
}

/** Field 22 of /proc/PID/stat, after the command name (which may itself contain spaces and parentheses). */
function startTimeOf(pid: number | 'self'): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function parseHolder(text: string): Holder | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Locks of earlier versions hold only the pid.
  const holder = (typeof value === 'number' ? { pid: value } : value) as Partial<Holder> | null;
  return Number.isInteger(holder?.pid) && (holder?.pid ?? 0) > 0 ? (holder as Holder) : undefined;
}

/**
 * True unless the holder is surely gone: on this host, no process has its pid, or the process with its
 * pid started at another time. A holder on another host (a shared folder) cannot be checked: alive.
 */
function isAlive(holder: Holder): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if (systemCode(error) === 'ESRCH') return false;
  }
  const started = holder.started === undefined ? undefined : startTimeOf(holder.pid);
  return started === undefined || started === holder.started;
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/** How deep takeovers may nest: a run that died while taking over a stale lock leaves a stale takeover lock. */
const maxDepth = 3;

/**
 * Takes the lock file `path` for this process, or throws a `LockHeldError` naming the live holder.
 *
 * The lock appears whole under its name in one step (written beside it, then hard-linked; `link` fails
 * when the name exists). A lock whose holder is gone (no such process, or its pid now belongs to a process
 * started later) is replaced atomically by `rename`, but only by the one run that holds the takeover lock
 * named after that stale lock's content: two runs that both find the same stale lock cannot both replace
 * it, and a run that was slow to act cannot replace a newer lock, since it checks the content it claimed
 * is still there (only a takeover lock holder may change it) before renaming over it.
 */
export function acquireLock(path: string): Lock {
  const holder: Holder = { pid: process.pid, host: hostname(), nonce: randomBytes(8).toString('hex') };
  const started = startTimeOf('self');
  const content = JSON.stringify(started === undefined ? holder : { ...holder, started });
  take(path, content, 0);
  return { release: () => releaseIfOurs(path, content) };
}

function releaseIfOurs(path: string, content: string): void {
  try {
    if (readFileSync(path, 'utf8') === content) rmSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}

function take(path: string, content: string, depth: number): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
  } catch (error) {
    throw new FileError(`Cannot create the lock ${path}`, path, error);
  }
  try {
    for (let attempt = 0; attempt < 200; attempt++) {
      try {
        linkSync(temporary, path);
        return;
      } catch (error) {
        if (systemCode(error) !== 'EEXIST')
          throw new FileError(`Cannot create the lock ${path}`, path, error);
      }
      let found: string;
      try {
        found = readFileSync(path, 'utf8');
      } catch (error) {
        if (systemCode(error) === 'ENOENT') continue; // released meanwhile: try again
        throw new FileError(`Cannot read the lock ${path}`, path, error);
      }
      const holder = parseHolder(found);
      if (holder === undefined) {
        throw new UsageError(`${path} is not a wan25 lock; if no wan25 batch is running, delete it`);
      }
      if (isAlive(holder)) {
        const where = holder.host === undefined || holder.host === hostname() ? '' : ` on ${holder.host}`;
        throw new LockHeldError(
          `Another wan25 batch (pid ${holder.pid}${where}) is using this journal (${path} exists)`,
        );
      }
      if (depth === maxDepth) {
        throw new UsageError(`${path} was left by runs that died while taking over the lock; delete it`);
      }
      const takeover = `${path}.takeover-${createHash('sha256').update(found).digest('hex').slice(0, 16)}`;
      try {
        take(takeover, content, depth + 1);
      } catch (error) {
        // Another run is replacing this stale lock right now: see what it leaves.
        if (!(error instanceof LockHeldError)) throw error;
        sleepSync(10);
        continue;
      }
      try {
        if (readFileSync(path, 'utf8') === found) {
          renameSync(temporary, path);
          return;
        }
      } catch (error) {
        if (systemCode(error) !== 'ENOENT')
          throw new FileError(`Cannot replace the lock ${path}`, path, error);
      } finally {
        releaseIfOurs(takeover, content);
      }
    }
    throw new UsageError(`Cannot lock ${path}: other runs keep taking and releasing it`);
  } finally {
    rmSync(temporary, { force: true });
  }
}
