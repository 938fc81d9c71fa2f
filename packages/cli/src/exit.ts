/** The process exit codes, part of the command's contract (documented in the README). */
export const ExitCode = {
  ok: 0,
  taskFailed: 1,
  usage: 2,
  apiOrNetwork: 3,
  file: 4,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A bad flag, argument or input file, found before anything was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const systemErrors: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
};

/** The system error code of a failed file operation (`ENOSPC`), when it has one. */
export function systemCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A local file (the journal, its lock, an `--out` file) could not be read or written: a full disk, a
 * missing permission, an I/O error. `doing` says what, e.g. `Cannot write the journal prompts.journal`.
 */
export class FileError extends Error {
  override name = 'FileError';
  readonly path: string;
  /** The system error code, e.g. `ENOSPC`. */
  readonly code: string | undefined;

  constructor(doing: string, path: string, error: unknown, next = '') {
    const code = systemCode(error);
    const reason =
      code === undefined
        ? error instanceof Error
          ? error.message
          : String(error)
        : `${systemErrors[code] ?? 'system error'} (${code})`;
    super(`${doing}: ${reason}${next ? `. ${next}` : ''}`);
    this.path = path;
    this.code = code;
  }
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Ctrl-C (SIGINT) or SIGTERM: the abort reason of the command's signal. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly signal: StopSignal;

  constructor(signal: StopSignal) {
    super(signal === 'SIGINT' ? 'Interrupted (Ctrl-C)' : 'Terminated (SIGTERM)');
    this.signal = signal;
  }

  /** 128 + the signal's number, as shells report a command ended by it. */
  get exitCode(): ExitCode {
    return this.signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated;
  }
}
