import { raceAbort, sleep } from './abort.ts';
import { WanConnectionError, WanTimeoutError } from './errors.ts';
import {
  backoffDelay,
  maxRetryAfterMs,
  parseRetryAfter,
  retryableStatuses,
  systemErrorCode,
  wasNeverSent,
} from './retry.ts';
import { redact } from './secret.ts';

/** The subset of `fetch` the client calls: always a URL string and an init. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey: string;
  fetch: FetchLike;
  maxRetries: number;
  timeoutMs: number;
  unsafeRetrySubmits: boolean;
}

/**
 * The one place that adds auth, per-request deadlines and retries. It is openapi-fetch's `fetch`, so
 * `wan.api` and the task helpers share it. (openapi-fetch middleware cannot resend a request, so the
 * retry loop wraps `fetch` instead.)
 *
 * Reads are retried on network errors, timeouts, 429 and 5xx. Anything else (a submit) is retried only
 * when it surely created nothing: on 429, or when the connection was never made. Never after a 5xx, a
 * timeout or a reset, because the task may exist and be billed, unless `unsafeRetrySubmits` is set.
 */
export function createTransport(options: TransportOptions): (request: Request) => Promise<Response> {
  const { apiKey, maxRetries, timeoutMs, unsafeRetrySubmits } = options;

  async function send(url: string, init: RequestInit, callerSignal: AbortSignal): Promise<Response> {
    if (callerSignal.aborted) throw callerSignal.reason;
    // A controller and setTimeout rather than AbortSignal.timeout, so that fake timers drive it in tests.
    const controller = new AbortController();
    const onAbort = () => controller.abort(callerSignal.reason);
    callerSignal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new WanTimeoutError(`${init.method} ${url} got no answer within ${timeoutMs} ms`, { timeoutMs }),
        ),
      timeoutMs,
    );
    try {
      return await raceAbort(options.fetch(url, { ...init, signal: controller.signal }), controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      const code = systemErrorCode(error);
      const reason = redact(error instanceof Error ? error.message : String(error), apiKey);
      return Promise.reject(
        new WanConnectionError(`${init.method} ${url} failed: ${reason}${code ? ` (${code})` : ''}`, {
          cause: redact(error, apiKey),
          ...(code ? { code } : {}),
        }),
      );
    } finally {
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', onAbort);
    }
  }

  return async (request) => {
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${apiKey}`);
    const init: RequestInit = { method: request.method, headers };
    if (request.body !== null) init.body = await request.text();
    const mayRetryAmbiguous = isRead || unsafeRetrySubmits;

    for (let attempt = 0; ; attempt++) {
      let delayMs: number | undefined;
      try {
        const response = await send(request.url, init, request.signal);
        const retryable =
          attempt < maxRetries &&
          retryableStatuses.has(response.status) &&
          (response.status === 429 || mayRetryAmbiguous);
        if (!retryable) return response;
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) return response;
        delayMs = retryAfterMs ?? backoffDelay(attempt);
        await response.body?.cancel();
      } catch (error) {
        const retryable =
          attempt < maxRetries &&
          (error instanceof WanTimeoutError || error instanceof WanConnectionError) &&
          (mayRetryAmbiguous || (error instanceof WanConnectionError && wasNeverSent(error.code)));
        if (!retryable) throw error;
        delayMs = backoffDelay(attempt);
      }
      await sleep(delayMs, request.signal);
    }
  };
}
