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
export function listenForInterrupt(onFirst?: () => void): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    onFirst?.();
    controller.abort(new InterruptedError());
  };
  process.on('SIGINT', onSigint);
  return {
    signal: controller.signal,
    dispose: () => process.removeListener('SIGINT', onSigint),
  };
}
