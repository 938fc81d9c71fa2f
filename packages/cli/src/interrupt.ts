import { InterruptedError, type StopSignal } from './exit.ts';

export interface Interrupt {
  /** Aborts (with an `InterruptedError`) on the first Ctrl-C or SIGTERM. */
  readonly signal: AbortSignal;
  /** Stops listening for the signals. */
  dispose(): void;
}

const signals: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * The first Ctrl-C (SIGINT) or SIGTERM aborts `signal`, so the command can stop waiting, record what it
 * knows, say how to resume and exit with 130 (143 for SIGTERM). A second one exits at once.
 */
export function listenForInterrupt(): Interrupt {
  const controller = new AbortController();
  const onSignal = (name: StopSignal) => {
    if (controller.signal.aborted) {
      // A live progress line hides the cursor; show it again, since nothing else will now.
      if (process.stderr.isTTY) process.stderr.write('\x1b[?25h\n');
      process.exit((controller.signal.reason as InterruptedError).exitCode);
    }
    controller.abort(new InterruptedError(name));
  };
  for (const name of signals) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) process.removeListener(name, onSignal);
    },
  };
}
