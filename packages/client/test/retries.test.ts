import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWanClient,
  WanApiError,
  WanConnectionError,
  WanResponseTooLargeError,
  WanTimeoutError,
} from '../src/index.ts';
import {
  accepted,
  apiKey,
  baseUrl,
  errorBody,
  fakeFetch,
  networkError,
  never,
  processing,
  textToVideo,
} from './fake-fetch.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function clientWith(fetch: ReturnType<typeof fakeFetch>, options: { unsafeRetrySubmits?: boolean } = {}) {
  return createWanClient({ apiKey, baseUrl, fetch, requestTimeoutMs: 5_000, ...options });
}

/** Starts `promise`, runs fake time forward, and returns its settled outcome. */
async function settle<T>(promise: Promise<T>, ms = 60_000): Promise<{ value?: T; error?: unknown }> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.advanceTimersByTimeAsync(ms);
  return outcome;
}

describe('submit (POST) retries: only when no task can have been created', () => {
  it('retries a 429 after the Retry-After delay', async () => {
    const fetch = fakeFetch((_, i) =>
      i === 0 ? errorBody(429, 'slow down', { 'Retry-After': '3' }) : accepted(),
    );
    const result = clientWith(fetch).submit(textToVideo);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]?.at).toBe((fetch.calls[0]?.at ?? 0) + 3_000);
    await expect(result).resolves.toEqual({ taskId: 'task_1' });
    expect(fetch.calls[1]?.body).toBe(fetch.calls[0]?.body);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    vi.setSystemTime(new Date('2026-01-09T12:00:00Z')); // HTTP dates have whole seconds
    const retryAt = new Date(Date.now() + 4_000).toUTCString();
    const fetch = fakeFetch((_, i) =>
      i === 0 ? errorBody(429, 'slow down', { 'Retry-After': retryAt }) : accepted(),
    );
    const result = clientWith(fetch).submit(textToVideo);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual({ taskId: 'task_1' });
  });

  it('sends a POST answered 500 exactly once', async () => {
    const fetch = fakeFetch(() => errorBody(500, 'Internal server error'));
    const { error } = (await settle(clientWith(fetch).submit(textToVideo))) as { error: WanApiError };
    expect(fetch.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(WanApiError);
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/may have been created/);
  });

  it.each([502, 503, 504])('sends a POST answered %i exactly once', async (status) => {
    const fetch = fakeFetch(() => errorBody(status, 'upstream trouble'));
    const { error } = await settle(clientWith(fetch).submit(textToVideo));
    expect(fetch.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(WanApiError);
  });

  it('sends a POST reset after sending exactly once', async () => {
    const fetch = fakeFetch(() => networkError('ECONNRESET'));
    const { error } = (await settle(clientWith(fetch).submit(textToVideo))) as { error: WanConnectionError };
    expect(fetch.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(WanConnectionError);
    expect(error.code).toBe('ECONNRESET');
    expect(error.neverSent).toBe(false);
  });

  it('marks a POST whose connection was refused every time as never sent', async () => {
    const fetch = fakeFetch(() => networkError('ECONNREFUSED'));
    const { error } = (await settle(clientWith(fetch).submit(textToVideo))) as { error: WanConnectionError };
    expect(fetch.calls).toHaveLength(3);
    expect(error.neverSent).toBe(true);
  });

  it('sends a POST that timed out exactly once', async () => {
    const fetch = fakeFetch(() => never);
    const { error } = await settle(clientWith(fetch).submit(textToVideo));
    expect(fetch.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(WanTimeoutError);
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
    'retries a POST whose connection failed (%s)',
    async (code) => {
      const fetch = fakeFetch((_, i) => (i === 0 ? networkError(code) : accepted()));
      const outcome = await settle(clientWith(fetch).submit(textToVideo));
      expect(outcome).toEqual({ value: { taskId: 'task_1' } });
      expect(fetch.calls).toHaveLength(2);
    },
  );

  it('retries a POST answered 500 when the caller opted in', async () => {
    const fetch = fakeFetch((_, i) => (i === 0 ? errorBody(500, 'oops') : accepted()));
    const outcome = await settle(clientWith(fetch, { unsafeRetrySubmits: true }).submit(textToVideo));
    expect(outcome).toEqual({ value: { taskId: 'task_1' } });
    expect(fetch.calls).toHaveLength(2);
  });
});

describe('status (GET) retries', () => {
  it('succeeds after 502, 502, 200', async () => {
    const fetch = fakeFetch((_, i) => (i < 2 ? errorBody(502, 'upstream') : processing()));
    const outcome = (await settle(clientWith(fetch).getTask('task_1'))) as { value: { state: string } };
    expect(outcome.value.state).toBe('processing');
    expect(fetch.calls).toHaveLength(3);
  });

  it('gives up after maxRetries and reports the last answer', async () => {
    const fetch = fakeFetch(() => errorBody(503, 'unavailable'));
    const { error } = (await settle(clientWith(fetch).getTask('task_1'))) as { error: WanApiError };
    expect(fetch.calls).toHaveLength(3);
    expect(error.status).toBe(503);
  });

  it('retries network errors and timeouts', async () => {
    const fetch = fakeFetch((_, i) =>
      i === 0 ? networkError('ECONNRESET') : i === 1 ? never : processing(),
    );
    const outcome = (await settle(clientWith(fetch).getTask('task_1'))) as { value: { state: string } };
    expect(outcome.value.state).toBe('processing');
    expect(fetch.calls).toHaveLength(3);
  });

  it('backs off exponentially with full jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fetch = fakeFetch(() => errorBody(500, 'oops'));
    await settle(createWanClient({ apiKey, baseUrl, fetch, maxRetries: 3 }).getTask('task_1'));
    const gaps = fetch.calls.slice(1).map((call, i) => call.at - (fetch.calls[i]?.at ?? 0));
    expect(gaps).toEqual([250, 500, 1_000]);
    vi.mocked(Math.random).mockRestore();
  });

  it('does not retry 4xx other than 429', async () => {
    const fetch = fakeFetch(() => errorBody(403, 'forbidden'));
    await settle(clientWith(fetch).getTask('task_1'));
    expect(fetch.calls).toHaveLength(1);
  });

  it('hands a Retry-After longer than a minute to the caller instead of sleeping', async () => {
    const fetch = fakeFetch(() => errorBody(429, 'slow down', { 'Retry-After': '120' }));
    const { error } = (await settle(clientWith(fetch).getTask('task_1'))) as { error: WanApiError };
    expect(fetch.calls).toHaveLength(1);
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('wan.api goes through the same auth and retries', async () => {
    const fetch = fakeFetch((_, i) => (i === 0 ? errorBody(502, 'upstream') : processing()));
    const wan = clientWith(fetch);
    const outcome = (await settle(
      wan.api.GET('/statusTask/wan-2-5-video', { params: { query: { taskId: 'task_1' } } }),
    )) as { value: { data: unknown } };
    expect(outcome.value.data).toMatchObject({ data: { state: 'processing' } });
    expect(fetch.calls).toHaveLength(2);
    expect(fetch.calls[1]?.headers.get('Authorization')).toBe(`Bearer ${apiKey}`);
  });
});

describe('per-request deadline and abort cover the body too', () => {
  const stalledBody = () =>
    new Response(
      new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"co')) }),
      {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      },
    );

  it('gives WanTimeoutError when the body stalls', async () => {
    const fetch = fakeFetch(stalledBody);
    const wan = createWanClient({ apiKey, baseUrl, fetch, requestTimeoutMs: 5_000, maxRetries: 0 });
    const { error } = await settle(wan.getTask('task_1'), 5_000);
    expect(error).toBeInstanceOf(WanTimeoutError);
  });

  it('wan.api: gives WanTimeoutError when the body stalls', async () => {
    const fetch = fakeFetch(stalledBody);
    const wan = createWanClient({ apiKey, baseUrl, fetch, requestTimeoutMs: 5_000, maxRetries: 0 });
    const { error } = await settle(
      wan.api.GET('/statusTask/wan-2-5-video', { params: { query: { taskId: 'task_1' } } }),
      5_000,
    );
    expect(error).toBeInstanceOf(WanTimeoutError);
  });

  it('rejects with the abort reason when aborted mid-body', async () => {
    const fetch = fakeFetch(stalledBody);
    const controller = new AbortController();
    const outcome = settle(clientWith(fetch).getTask('task_1', { signal: controller.signal }), 0);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort('stop');
    expect(await outcome).toEqual({ error: 'stop' });
  });
});

describe('the answer size limit holds on both read paths (task helpers and wan.api)', () => {
  const maxResponseBytes = 1_000;
  /** A 200 whose body streams 64 chunks of 64 kB (4 MiB), counting what was pulled. */
  function hugeBody(declaredLength?: number) {
    const pulled = { chunks: 0 };
    const answer = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            pulled.chunks++;
            controller.enqueue(new Uint8Array(64 * 1024).fill(32));
            if (pulled.chunks === 64) controller.close();
          },
        }),
        {
          status: 200,
          headers: {
            'Content-Type': 'application/json',
            ...(declaredLength === undefined ? {} : { 'Content-Length': String(declaredLength) }),
          },
        },
      );
    return { pulled, answer };
  }
  const reads: Record<string, (wan: ReturnType<typeof createWanClient>) => Promise<unknown>> = {
    'getTask()': (wan) => wan.getTask('task_1'),
    'wan.api.GET': (wan) =>
      wan.api.GET('/statusTask/wan-2-5-video', { params: { query: { taskId: 'task_1' } } }),
  };

  it.each(Object.entries(reads))('%s: a body past the limit ends the read unread', async (_, read) => {
    const { pulled, answer } = hugeBody();
    const wan = createWanClient({ apiKey, baseUrl, fetch: fakeFetch(answer), maxResponseBytes });
    const { error } = await settle(read(wan), 0);
    expect(error).toBeInstanceOf(WanResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limitBytes: maxResponseBytes });
    expect(pulled.chunks).toBeLessThan(4);
  });

  it.each(Object.entries(reads))(
    '%s: a declared length past the limit is refused at once',
    async (_, read) => {
      const { pulled, answer } = hugeBody(maxResponseBytes + 1);
      const wan = createWanClient({ apiKey, baseUrl, fetch: fakeFetch(answer), maxResponseBytes });
      const { error } = await settle(read(wan), 0);
      expect(error).toBeInstanceOf(WanResponseTooLargeError);
      expect(pulled.chunks).toBeLessThan(2);
    },
  );
});
