import { WanTaskFailedError } from '@wan25/client';
import { CommanderError } from 'commander';

/** The process exit codes, part of the command's contract (documented in the README). */
export const ExitCode = {
  ok: 0,
  taskFailed: 1,
  usage: 2,
  apiOrNetwork: 3,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A bad flag, argument or input file, found before anything was sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Ctrl-C: the abort reason of the command's signal. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';

  constructor() {
    super('Interrupted (Ctrl-C)');
  }
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof CommanderError) return ExitCode.usage;
  if (error instanceof WanTaskFailedError) return ExitCode.taskFailed;
  if (error instanceof InterruptedError) return ExitCode.interrupted;
  // WanApiError, WanConnectionError, WanTimeoutError, a response that broke the schema, a failed download.
  return ExitCode.apiOrNetwork;
}
