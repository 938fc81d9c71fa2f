import { WanError, WanTaskFailedError, WanTimeoutError, WanValidationError } from '@wan25/client';
import { CommanderError } from 'commander';
import type { CommandContext } from './context.ts';
import { ExitCode, FileError, InterruptedError, UsageError } from './exit.ts';

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof CommanderError) return ExitCode.usage;
  if (error instanceof WanTaskFailedError) return ExitCode.taskFailed;
  if (error instanceof InterruptedError) return error.exitCode;
  if (error instanceof FileError) return ExitCode.file;
  // WanApiError, WanConnectionError, WanTimeoutError, a response that broke the schema, a failed download.
  return ExitCode.apiOrNetwork;
}

function isExpected(error: unknown): boolean {
  return (
    error instanceof WanError ||
    error instanceof UsageError ||
    error instanceof FileError ||
    error instanceof InterruptedError ||
    error instanceof CommanderError
  );
}

/** The error as the JSON document's `error` field: its name, message, own fields and the exit code. */
function describe(error: unknown, exitCode: number): Record<string, unknown> {
  const fields =
    error instanceof WanError
      ? error.toJSON()
      : error instanceof Error
        ? Object.assign({ name: error.name, message: error.message }, error)
        : { name: 'Error', message: String(error) };
  return { ...fields, exitCode };
}

/** What to do next, when there is something useful to say. */
function hint(error: unknown, taskId: unknown): string | undefined {
  const stillRunning =
    error instanceof InterruptedError || (error instanceof WanTimeoutError && error.taskId);
  if (stillRunning && typeof taskId === 'string') {
    return `Task ${taskId} keeps running: \`wan25 wait ${taskId}\` picks it up.`;
  }
  if (!isExpected(error)) return 'This is a bug in wan25; please report it with the output above.';
  return undefined;
}

/** Prints a command's error (stderr, and the JSON document with `--json`) and answers its exit code. */
export function reportError(context: CommandContext, error: unknown): number {
  const { output, facts } = context;
  // The client checks what it is asked to send before sending it: nothing sent, the call was the problem.
  const exitCode =
    error instanceof WanValidationError && !error.fromResponse ? ExitCode.usage : exitCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = isExpected(error) || !(error instanceof Error) ? message : (error.stack ?? message);
  output.note(output.colors.red(`wan25: ${detail}`));
  const next = hint(error, facts.taskId);
  if (next) output.note(next);
  if (!output.resultWritten) {
    const created = context.createdTaskId === undefined ? [] : [context.createdTaskId];
    output.result({ ...facts, error: describe(error, exitCode) }, created);
  }
  return exitCode;
}
