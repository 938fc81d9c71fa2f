import { sleep } from './abort.ts';
import { backoffDelay } from './retry.ts';

/**
 * The one pause a client keeps while the API is asking it to slow down, shared by every request of the
 * client (the task helpers, `wan.api`, and callers running many at once such as `wan25 batch`): a 429
 * closes the gate for its `Retry-After`, else for a backoff that grows with each 429 in a row. Requests
 * wait at the gate before they are sent, outside any request deadline, so a request held there is never
 * sent and never times out as if it had been.
 */
export interface RateGate {
  /** Resolves when the gate is open; rejects with the signal's reason (nothing sent) if it aborts first. */
  pass(signal: AbortSignal | undefined): Promise<void> | undefined;
  /** Records a 429 and closes the gate for `retryAfterMs`, or for the backoff when the API gave none. */
  rateLimited(retryAfterMs: number | undefined): number;
  /** Records an answer that was not a 429. */
  answered(): void;
}

export function createRateGate(): RateGate {
  let openAt = 0;
  let strikes = 0;
  return {
    pass(signal) {
      if (openAt <= Date.now()) return undefined;
      return (async () => {
        for (let waitMs = openAt - Date.now(); waitMs > 0; waitMs = openAt - Date.now()) {
          await sleep(waitMs, signal);
        }
      })();
    },
    rateLimited(retryAfterMs) {
      const delayMs = retryAfterMs ?? backoffDelay(strikes);
      strikes++;
      openAt = Math.max(openAt, Date.now() + delayMs);
      return delayMs;
    },
    answered() {
      strikes = 0;
    },
  };
}
