import { raceAbort, sleep } from './abort.ts';
import { type BodyWatch, readWatchedText, watchBody } from './body.ts';
import { mayHaveCreatedTask, statusRefused } from './created.ts';
import { WanConnectionError, WanTimeoutError } from './errors.ts';
import { createRateGate } from './rate-gate.ts';
import type { OutgoingRequest } from './request.ts';
import {
  backoffDelay,
  maxRetryAfterMs,
  parseRetryAfter,
  retryableStatuses,
  systemErrorCode,
} from './retry.ts';

/** The subset of `fetch` the client calls: always a URL string and an init. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey: string;
  /** A caller's own `fetch`; without one, the platform's (looked up at each call). */
  fetch?: FetchLike | undefined;
  maxRetries: number;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  unsafeRetrySubmits: boolean;
  /** Masks the key in what an error carries. */
  redact: <T>(value: T) => T;
}

/** One call's options; the numbers override the client's. */
export interface CallOptions {
  /** Aborts the call at any point: waiting, sending, reading the answer. */
  signal?: AbortSignal | undefined;
  /**
   * Aborts the call only until its request is handed to `fetch`: `generate()` lets a submit that may
   * already create a task finish (within its own deadline), so that the task id is never lost.
   */
  signalBeforeSending?: AbortSignal | undefined;
  requestTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/**
 * One call of a task helper, which reads its answer whole (openapi-fetch's `parseAs: 'stream'` leaves the
 * body alone): the transport keeps the watch of its successful answer here, and `readText` reads the body
 * as it came, watched as it is read, not wrapped in a second stream.
 */
export interface Exchange {
  watch?: BodyWatch;
}

export interface Transport {
  /**
   * Behind openapi-fetch's `fetch`: the answer with its body watched as it streams, or, for a task
   * helper's `exchange`, a successful answer as it came.
   */
  (request: OutgoingRequest, call: CallOptions, exchange?: Exchange): Promise<Response>;
  /** The body of the successful answer of an exchange, read whole under its attempt's deadline and size limit. */
  readText(response: Response, exchange: Exchange): Promise<string>;
}

/**
 * The one place that adds auth, per-attempt deadlines, the shared rate-limit pause, retries and the
 * answer size limit. Each attempt's deadline and the caller's signal cover the whole exchange, body
 * included (the body is watched as it streams to the reader, not buffered), so a server that stalls
 * mid-body cannot hold the caller. A 429's pause is spent at the rate gate, before the next attempt is
 * sent and outside its deadline.
 *
 * Reads are retried on network errors, timeouts, 429 and 5xx. A submit is retried only when it surely
 * created nothing (`mayHaveCreatedTask` is false: a 429, a connection never made), unless
 * `unsafeRetrySubmits` is set. Redirects are not followed: the API documents none, and following one
 * could resend a paid submit or carry the key to another host.
 */
export function createTransport(options: TransportOptions): Transport {
  const { apiKey, redact, unsafeRetrySubmits, maxResponseBytes } = options;
  const gate = createRateGate();

  function connectionError(describe: string, error: unknown): WanConnectionError {
    const code = systemErrorCode(error);
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const reason = error instanceof Error ? `${error.message}${cause}` : String(error);
    return new WanConnectionError(redact(`${describe} failed: ${reason}${code ? ` (${code})` : ''}`), {
      cause: redact(error),
      ...(code ? { code } : {}),
    });
  }

  /** One attempt: the answer with its body still streaming, and the watch the attempt's deadline keeps on it. */
  async function attempt(
    url: string,
    init: RequestInit,
    call: CallOptions,
    timeoutMs: number,
    describe: () => string,
  ): Promise<{ response: Response; watch: BodyWatch }> {
    const { signal } = call;
    if (signal?.aborted) throw signal.reason;
    if (call.signalBeforeSending?.aborted) throw call.signalBeforeSending.reason;
    // A controller and setTimeout rather than AbortSignal.timeout, so that fake timers drive it in tests.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () =>
        controller.abort(
          new WanTimeoutError(`${describe()} got no complete answer within ${timeoutMs} ms`, { timeoutMs }),
        ),
      timeoutMs,
    );
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    init.signal = controller.signal;
    let response: Response;
    try {
      const sending = (options.fetch ?? fetch)(url, init);
      // The platform's fetch rejects as soon as its signal aborts; a caller's own may ignore the signal.
      response = await (options.fetch ? raceAbort(sending, controller.signal) : sending);
    } catch (error) {
      settle();
      if (controller.signal.aborted) throw controller.signal.reason;
      throw connectionError(describe(), error);
    }
    const watch: BodyWatch = {
      limitBytes: maxResponseBytes,
      signal: controller.signal,
      cancelOnAbort: options.fetch !== undefined,
      onSettled: settle,
      toError: (error) => connectionError(`${describe()} (reading the answer)`, error),
      describe,
    };
    return { response, watch };
  }

  async function send(request: OutgoingRequest, call: CallOptions, exchange?: Exchange): Promise<Response> {
    const { method, url, headers } = request;
    const isRead = method === 'GET' || method === 'HEAD';
    const maxRetries = call.maxRetries ?? options.maxRetries;
    const timeoutMs = call.requestTimeoutMs ?? options.requestTimeoutMs;
    // The request is made for this call (by openapi-fetch): its headers can take the key.
    headers.set('Authorization', `Bearer ${apiKey}`);
    const body = request.body === null ? undefined : await request.text();
    const describe = () => `${method} ${url.split('?')[0]}`;
    const mayRetry = (createdNothing: boolean) => isRead || unsafeRetrySubmits || createdNothing;
    const waitSignal = call.signal ?? call.signalBeforeSending;

    for (let attemptIndex = 0; ; attemptIndex++) {
      const closed = gate.pass(waitSignal);
      if (closed) await closed;
      let delayMs: number;
      try {
        const init: RequestInit = { method, headers, redirect: 'error' };
        if (body !== undefined) init.body = body;
        const { response, watch } = await attempt(url, init, call, timeoutMs, describe);
        const { status } = response;
        if (status !== 429) gate.answered();
        if (!retryableStatuses.has(status)) {
          if (exchange === undefined || !response.ok) return watchBody(response, watch);
          exchange.watch = watch;
          return response;
        }
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
        if (status === 429 && (retryAfterMs === undefined || retryAfterMs <= maxRetryAfterMs)) {
          // Every request of the client waits this out at the gate, this one's retry included.
          gate.rateLimited(retryAfterMs);
        }
        const retryable =
          attemptIndex < maxRetries &&
          mayRetry(statusRefused(status)) &&
          (retryAfterMs === undefined || retryAfterMs <= maxRetryAfterMs);
        if (!retryable) return watchBody(response, watch);
        watch.onSettled();
        await response.body?.cancel();
        delayMs = status === 429 ? 0 : (retryAfterMs ?? backoffDelay(attemptIndex));
      } catch (error) {
        const retryable =
          attemptIndex < maxRetries &&
          (error instanceof WanTimeoutError || error instanceof WanConnectionError) &&
          mayRetry(!mayHaveCreatedTask(error));
        if (!retryable) throw error;
        delayMs = backoffDelay(attemptIndex);
      }
      if (delayMs > 0) await sleep(delayMs, waitSignal);
    }
  }

  return Object.assign(send, {
    readText: (response: Response, exchange: Exchange) =>
      readWatchedText(response, exchange.watch as BodyWatch),
  });
}
