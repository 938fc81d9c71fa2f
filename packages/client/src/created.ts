import {
  WanApiError,
  WanConnectionError,
  WanError,
  WanResponseTooLargeError,
  WanValidationError,
} from './errors.ts';

/**
 * True when an answer with this status proves the API refused the request, so a submit so answered
 * created (and billed) nothing: any 4xx but 408 and 499, which proxies send about requests that may be
 * running upstream.
 */
export function statusRefused(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 499;
}

/**
 * The one rule for "could this failed submit have created, and billed, a task?". False only when it
 * surely did not: the API refused it (4xx, 429 included), the connection was never made, or it failed
 * before anything was sent (invalid input or options, a missing key). True for everything else: a 5xx, a
 * timeout, a reset, an answer that could not be read, and any error this package did not make (such as
 * your signal's abort reason), because then nobody can tell. Check your tasks before sending again.
 */
export function mayHaveCreatedTask(error: unknown): boolean {
  if (error instanceof WanApiError || error instanceof WanResponseTooLargeError) {
    return !statusRefused(error.status);
  }
  if (error instanceof WanConnectionError) return !error.neverSent;
  if (error instanceof WanValidationError) return error.fromResponse;
  // A plain WanError is a setup error (a missing key), raised before anything was sent.
  if (error instanceof WanError) return Object.getPrototypeOf(error) !== WanError.prototype;
  return true;
}
