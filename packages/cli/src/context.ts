import type { Output } from './output.ts';

/** What a command's body gets from the runner. */
export interface CommandContext {
  output: Output;
  /** Aborted (with an `InterruptedError`) on the first Ctrl-C. */
  signal: AbortSignal;
  /** What the command learned so far (a task id, the estimated cost), reported with an error if it fails. */
  facts: Record<string, unknown>;
  /** The id of a task this command created: printed on stdout even if the command fails afterwards. */
  createdTaskId?: string;
}

/** Runs a command's body with `--json` on or off; the runner turns its result or error into the exit code. */
export type Runner = (
  json: boolean | undefined,
  body: (context: CommandContext) => Promise<number>,
) => Promise<void>;
