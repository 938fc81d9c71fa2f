import { raceAbort, sleep } from './abort.ts';
import { WanConnectionError, WanTimeoutError } from './errors.ts';
import {
  backoffDelay,
  maxRetryAfterMs,
  parseRetryAfter,
  retryableStatuses,
  systemErrorCode,
} from './retry.ts';
import { redact } from './secret.ts';

/** The subset of `fetch` the client calls: always a URL string and an init. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey: string;
  fetch: FetchLike;
  maxRetries: number;
  requestTimeoutMs: number;
  unsafeRetrySubmits: boolean;
}

/** What the task helpers and `wan.api` hand to the transport: a JSON body is already a string. */
export interface TransportInit {
  method: string;
  headers?: HeadersInit;
  body?: string;
  signal?: AbortSignal | undefined;
  /** Overrides the client's `requestTimeoutMs` for this request. */
  requestTimeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number | undefined;
}

/** An answer read to the end: the body is already consumed into `text`. */
export interface Answer {
  response: Response;
  text: string;
}

export type Transport = (url: string, init: TransportInit) => Promise<Answer>;

/**
 * The one place that adds auth, per-request deadlines and retries. The deadline and the caller's signal
 * cover the whole exchange, body included, so a server that stalls mid-body cannot hold the caller. The task helpers call it directly and
 * `wan.api` uses it as openapi-fetch's `fetch`. (openapi-fetch middleware cannot resend a request, so the
 * retry loop wraps `fetch` instead.)
 *
 * Reads are retried on network errors, timeouts, 429 and 5xx. Anything else (a submit) is retried only
 * when it surely created nothing: on 429, or when the connection was never made. Never after a 5xx, a
 * timeout or a reset, because the task may exist and be billed, unless `unsafeRetrySubmits` is set.
 */
export function createTransport(options: TransportOptions): Transport {
  const { apiKey, unsafeRetrySubmits } = options;

  async function send(
    url: string,
    init: RequestInit,
    callerSignal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<Answer> {
    if (callerSignal?.aborted) throw callerSignal.reason;
    // A controller and setTimeout rather than AbortSignal.timeout, so that fake timers drive it in tests.
    const controller = new AbortController();
    const onAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new WanTimeoutError(`${init.method} ${url} got no answer within ${timeoutMs} ms`, { timeoutMs }),
        ),
      timeoutMs,
    );
    try {
      const response = await raceAbort(
        options.fetch(url, { ...init, signal: controller.signal }),
        controller.signal,
      );
      return { response, text: await raceAbort(response.text(), controller.signal) };
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason;
      const code = systemErrorCode(error);
      const reason = redact(error instanceof Error ? error.message : String(error), apiKey);
      throw new WanConnectionError(`${init.method} ${url} failed: ${reason}${code ? ` (${code})` : ''}`, {
        cause: redact(error, apiKey),
        ...(code ? { code } : {}),
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    }
  }

  return async (url, { method, headers: given, body, signal, ...overrides }) => {
    const maxRetries = overrides.maxRetries ?? options.maxRetries;
    const timeoutMs = overrides.requestTimeoutMs ?? options.requestTimeoutMs;
    const isRead = method === 'GET' || method === 'HEAD';
    const headers = new Headers(given);
    headers.set('Authorization', `Bearer ${apiKey}`);
    const init: RequestInit = body === undefined ? { method, headers } : { method, headers, body };
    const mayRetryAmbiguous = isRead || unsafeRetrySubmits;

    for (let attempt = 0; ; attempt++) {
      let delayMs: number | undefined;
      try {
        const answer = await send(url, init, signal, timeoutMs);
        const { response } = answer;
        const retryable =
          attempt < maxRetries &&
          retryableStatuses.has(response.status) &&
          (response.status === 429 || mayRetryAmbiguous);
        if (!retryable) return answer;
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) return answer;
        delayMs = retryAfterMs ?? backoffDelay(attempt);
      } catch (error) {
        const retryable =
          attempt < maxRetries &&
          (error instanceof WanTimeoutError || error instanceof WanConnectionError) &&
          (mayRetryAmbiguous || (error instanceof WanConnectionError && error.neverSent));
        if (!retryable) throw error;
        delayMs = backoffDelay(attempt);
      }
      await sleep(delayMs, signal);
    }
  };
}
