import { ExitCode, InterruptedError } from './exit.ts';

export interface Interrupt {
  /** Aborts (with an `InterruptedError`) on the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Stops listening for Ctrl-C. */
  dispose(): void;
}

/**
 * The first Ctrl-C (SIGINT) aborts `signal`, so the command can stop waiting, record what it knows and
 * exit with 130. A second Ctrl-C exits at once, also with 130.
 */
export function listenForInterrupt(): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) {
      // A live progress line hides the cursor; show it again, since nothing else will now.
      if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\n');
      process.exit(ExitCode.interrupted);
    }
    controller.abort(new InterruptedError());
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    dispose: () => process.removeListener('SIGINT', onSigint),
  };
}
