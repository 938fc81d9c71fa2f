import { WanApiError, WanConnectionError, WanTimeoutError } from '@wan25/client';

/** A transient error's short name: `HTTP 500`, `HTTP 429`, `ECONNRESET`, `request timeout`. */
function labelOf(error: Error): string {
  if (error instanceof WanApiError) return `HTTP ${error.status}`;
  if (error instanceof WanConnectionError) return error.code ?? 'connection error';
  if (error instanceof WanTimeoutError) return 'request timeout';
  return error.name;
}

/** The transient errors a wait rode out (status reads that failed and were tried again), by kind. */
export class WaitErrors {
  readonly #counts = new Map<string, number>();
  readonly #seen = new WeakSet<Error>();

  /**
   * Counts `error` unless it was counted already (`waitForTask` reports a failed read, then the same error
   * again with the next good read); answers whether it was new.
   */
  add(error: Error): boolean {
    if (this.#seen.has(error)) return false;
    this.#seen.add(error);
    const label = labelOf(error);
    this.#counts.set(label, (this.#counts.get(label) ?? 0) + 1);
    return true;
  }

  get count(): number {
    return [...this.#counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** `HTTP 500 ×4, HTTP 429 ×1`; empty when there were none. */
  describe(): string {
    return [...this.#counts].map(([label, count]) => `${label} ×${count}`).join(', ');
  }
}

/**
 * The wait's deadline said in the unit the user gave it (`--timeout 3`: "within 3 s"), with the errors
 * seen while waiting, as a `WanTimeoutError` still naming the task (which keeps running).
 */
export function waitTimeout(error: WanTimeoutError, taskId: string, seconds: number, errors: WaitErrors) {
  const seen = errors.count > 0 ? `; status reads that failed while waiting: ${errors.describe()}` : '';
  return new WanTimeoutError(`Task ${taskId} did not finish within ${seconds} s${seen}; it keeps running`, {
    timeoutMs: error.timeoutMs,
    taskId,
  });
}
