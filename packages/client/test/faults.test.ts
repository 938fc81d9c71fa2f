// The client under injected faults, against a real loopback HTTP server: for every fault class, how many
// submits reached the server, which typed error came back, that the deadline held, and that the API key
// appears nowhere in the error, whole or in part.
import { inspect } from 'node:util';
import { type FaultServer, faults, startFaultServer } from '@wan25/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createWanClient,
  mayHaveCreatedTask,
  WanApiError,
  WanConnectionError,
  WanResponseTooLargeError,
  WanTimeoutError,
  WanUnknownStateError,
  WanValidationError,
} from '../src/index.ts';

const keys = {
  'a long realistic key': 'sk-live-A7f3kQ9zR2mX8pL4vN6bT1wY5cH0jDe9uS',
  'a key with " and \\': 'sk-"quoted"\\back\\slash-7Hq2Lp9x',
};
const requestTimeoutMs = 1_000;
// Real time on a shared machine: each case takes at most a few seconds, and asserts its own bound.
vi.setConfig({ testTimeout: 20_000 });
const input = { mode: 'text-to-video', prompt: 'clouds over a lake', resolution: '720p' } as const;
const accepted = { code: 200, message: 'success', data: { taskId: 'task_1' } };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

/** Every text form of an error a user or a log could see: message, stack, causes, inspect, JSON. */
function textsOf(error: unknown): string[] {
  const texts = [inspect(error, { depth: 20 }), JSON.stringify(error) ?? ''];
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    texts.push(current.message, current.stack ?? '', JSON.stringify(current) ?? '');
    current = current.cause;
  }
  if (error instanceof WanApiError) texts.push(JSON.stringify(error.body), inspect(error.headers));
  return texts;
}

/** Fails when any 8 characters in a row of the key (as sent, or JSON-escaped) appear in any form. */
function expectKeyAbsent(error: unknown, key: string): void {
  const forms = [key, JSON.stringify(key).slice(1, -1)];
  const parts = forms.flatMap((form) =>
    Array.from({ length: form.length - 7 }, (_, i) => form.slice(i, i + 8)),
  );
  for (const text of textsOf(error)) {
    for (const part of parts) expect(text, `key part ${part} in ${text.slice(0, 300)}`).not.toContain(part);
  }
}

/** Runs `call`, returns its error and how long it took. */
async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const startedAt = performance.now();
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, ms: performance.now() - startedAt };
}

const posts = () => server.requests.filter((request) => request.method === 'POST').length;
const gets = () => server.requests.filter((request) => request.method === 'GET').length;

/** The server echoes the request's Authorization header: in the body (raw and JSON-escaped) and in a header. */
const echoKey =
  (status: number, shape: 'json' | 'html' | 'long'): Parameters<FaultServer['answer']>[0] =>
  (response, request) => {
    const bearer = request.headers.authorization ?? '';
    const headers = { 'X-Echo': bearer };
    if (shape === 'html') {
      response.writeHead(status, { ...headers, 'Content-Type': 'text/html' });
      response.end(`<html><body><h1>Bad gateway</h1><p>${bearer}</p></body></html>`);
    } else if (shape === 'long') {
      // The key straddles the places where messages (200) and bodies (2,000) are cut.
      const body = `${'x'.repeat(190)}${bearer} ${'y'.repeat(1_790)}${bearer}${'z'.repeat(5_000)}`;
      response.writeHead(status, { ...headers, 'Content-Type': 'text/plain' }).end(body);
    } else {
      response.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({ code: status, message: `Invalid key: ${bearer}`, echo: { nested: [bearer] } }),
      );
    }
  };

describe.each(Object.entries(keys))('under faults, with %s', (_, apiKey) => {
  const client = (options: { maxResponseBytes?: number } = {}) =>
    createWanClient({ apiKey, baseUrl: server.url, requestTimeoutMs, ...options });

  /** One submit against `fault` with default options: the error, checked for the key and the deadline. */
  async function submitUnder(fault: Parameters<FaultServer['answer']>[0], withinMs: number) {
    server.answer(fault);
    const before = posts();
    const { error, ms } = await failure(() => client().submit(input));
    expect(error).toBeInstanceOf(Error);
    expect(ms).toBeLessThan(withinMs + 1_000);
    expectKeyAbsent(error, apiKey);
    return { error, sent: posts() - before };
  }

  it('sustained 429 with Retry-After: 3 refused sends, then WanApiError 429, nothing created', async () => {
    const { error, sent } = await submitUnder(
      faults.json(429, { code: 429, message: 'slow down' }, { 'Retry-After': '1' }),
      2_000 + 3 * requestTimeoutMs,
    );
    expect(sent).toBe(3);
    expect(error).toBeInstanceOf(WanApiError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1_000 });
    expect(mayHaveCreatedTask(error)).toBe(false);
  });

  it.each(['1.5', 'soon', '-1', '1e3'])(
    'a malformed Retry-After (%s) backs off instead of meaning "now"',
    async (value) => {
      const { error, sent } = await submitUnder(
        faults.json(429, { code: 429 }, { 'Retry-After': value }),
        3 * requestTimeoutMs + 1_500,
      );
      expect(sent).toBe(3);
      expect(error).toMatchObject({ status: 429, retryAfterMs: undefined });
    },
  );

  it.each([500, 502, 504])(
    'a submit answered %i is sent once and may have created a task',
    async (status) => {
      const { error, sent } = await submitUnder(echoKey(status, 'json'), requestTimeoutMs);
      expect(sent).toBe(1);
      expect(error).toBeInstanceOf(WanApiError);
      expect(mayHaveCreatedTask(error)).toBe(true);
      expect((error as Error).message).toMatch(/may have been created/);
    },
  );

  it('a 401 that echoes the key, raw, JSON-escaped and in a header, never shows it', async () => {
    const { error, sent } = await submitUnder(echoKey(401, 'json'), requestTimeoutMs);
    expect(sent).toBe(1);
    expect(error).toMatchObject({ status: 401, apiCode: 401 });
    expect(mayHaveCreatedTask(error)).toBe(false);
  });

  it('an HTML 502 is a WanApiError with an excerpt of the page, key masked', async () => {
    const { error, sent } = await submitUnder(echoKey(502, 'html'), requestTimeoutMs);
    expect(sent).toBe(1);
    expect(String((error as WanApiError).body)).toMatch(/Bad gateway/);
  });

  it('a long error body is masked before it is cut: no part of the key survives a cut', async () => {
    const { error } = await submitUnder(echoKey(400, 'long'), requestTimeoutMs);
    expect(String((error as WanApiError).body).length).toBeLessThan(2_100);
    expect((error as Error).message.length).toBeLessThan(400);
  });

  it('a reset before the answer: one submit, WanConnectionError, may have created', async () => {
    const { error, sent } = await submitUnder(faults.resetBeforeAnswer(), requestTimeoutMs);
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanConnectionError);
    expect(mayHaveCreatedTask(error)).toBe(true);
  });

  it('a reset mid-body: one submit, WanConnectionError', async () => {
    const { error, sent } = await submitUnder(
      faults.resetMidBody(JSON.stringify(accepted)),
      requestTimeoutMs,
    );
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanConnectionError);
    expect(mayHaveCreatedTask(error)).toBe(true);
  });

  it('a hang: one submit, WanTimeoutError at the request deadline', async () => {
    const { error, sent } = await submitUnder(faults.hang(), requestTimeoutMs);
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanTimeoutError);
  });

  it('a dribbled body: the deadline covers the body too', async () => {
    const { error, sent } = await submitUnder(
      faults.dribble(JSON.stringify(accepted), 100),
      requestTimeoutMs,
    );
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanTimeoutError);
  });

  it.each([
    ['invalid JSON', faults.text(200, '{"code":200,', { 'Content-Type': 'application/json' })],
    ['HTML with 200', faults.text(200, '<html>ok</html>', { 'Content-Type': 'text/html' })],
    ['a wrong shape', faults.json(200, { code: 200, message: 'success', data: {} })],
  ] as const)('%s: one submit, WanValidationError that says the answer came', async (_, fault) => {
    const { error, sent } = await submitUnder(fault, requestTimeoutMs);
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanValidationError);
    expect(mayHaveCreatedTask(error)).toBe(true);
  });

  it('a redirect is not followed: one submit, nothing resent elsewhere', async () => {
    const { error, sent } = await submitUnder(
      faults.text(307, '', { Location: `${server.url}/elsewhere` }),
      requestTimeoutMs,
    );
    expect(sent).toBe(1);
    expect(server.requests.at(-1)?.path).not.toBe('/elsewhere');
    expect(error).toBeInstanceOf(WanConnectionError);
  });

  it('an oversize answer ends with WanResponseTooLargeError without reading it all', async () => {
    const { error, sent } = await submitUnder(faults.endless(8 * 1024 * 1024), requestTimeoutMs);
    expect(sent).toBe(1);
    expect(error).toBeInstanceOf(WanResponseTooLargeError);
    expect(error).toMatchObject({ status: 200, limitBytes: 1024 * 1024 });
    expect(mayHaveCreatedTask(error)).toBe(true);
  });

  it.each([
    ['an oversize answer', faults.endless(8 * 1024 * 1024), WanResponseTooLargeError],
    ['a dribbled body', faults.dribble(JSON.stringify(accepted), 100), WanTimeoutError],
  ] as const)('wan.api reads under the same watch: %s', async (_, fault, expected) => {
    server.answer(fault);
    const wan = createWanClient({ apiKey, baseUrl: server.url, requestTimeoutMs, maxRetries: 0 });
    const { error, ms } = await failure(() =>
      wan.api.GET('/statusTask/wan-2-5-video', { params: { query: { taskId: 'task_1' } } }),
    );
    expect(error).toBeInstanceOf(expected);
    expect(ms).toBeLessThan(requestTimeoutMs + 1_000);
    expectKeyAbsent(error, apiKey);
  });

  it('status reads: retried on 5xx and resets, then a typed error within the deadlines', async () => {
    server.answer(faults.json(503, { code: 503 }));
    const before = gets();
    const { error, ms } = await failure(() => client().getTask('task_1'));
    expect(gets() - before).toBe(3);
    expect(error).toBeInstanceOf(WanApiError);
    expect(ms).toBeLessThan(1_500 + 1_000);
    expectKeyAbsent(error, apiKey);
  });

  it('an unknown state ends the wait with WanUnknownStateError naming it, not at the deadline', async () => {
    server.answer(
      faults.json(200, {
        code: 200,
        message: 'success',
        data: { taskId: 'task_1', state: 'SUCCESS', createTime: 1 },
      }),
    );
    const { error, ms } = await failure(() =>
      client().waitForTask('task_1', { firstPollDelayMs: 0, pollIntervalMs: 50, waitTimeoutMs: 60_000 }),
    );
    expect(error).toBeInstanceOf(WanUnknownStateError);
    expect((error as Error).message).toContain('"SUCCESS"');
    expect(ms).toBeLessThan(1_000);
  });
});

describe('the shared rate-limit pause', () => {
  it('holds every request of the client outside its deadline: a 429 pause longer than the deadline times nothing out', async () => {
    server.answer((response, _request, index) =>
      index === 0
        ? faults.json(429, { code: 429 }, { 'Retry-After': '1' })(response, _request, index)
        : faults.json(200, accepted)(response, _request, index),
    );
    const wan = createWanClient({
      apiKey: keys['a long realistic key'],
      baseUrl: server.url,
      requestTimeoutMs: 300,
    });
    const before = posts();
    const first = wan.submit(input);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const results = await Promise.all([first, wan.submit(input), wan.submit(input)]);
    expect(results).toEqual([{ taskId: 'task_1' }, { taskId: 'task_1' }, { taskId: 'task_1' }]);
    // The first was refused once; the two sent during the pause waited instead of being sent into it.
    expect(posts() - before).toBe(4);
  });
});

describe('generate() and an abort while the submit is in flight', () => {
  it('lets the submit finish, reports the task id, then rejects with the abort reason', async () => {
    server.answer((response, request) => {
      if (request.method === 'POST') setTimeout(() => faults.json(200, accepted)(response, request, 0), 300);
      else faults.json(500, {})(response, request, 0);
    });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 50);
    const submitted: string[] = [];
    const before = { posts: posts(), gets: gets() };
    const { error } = await failure(() =>
      createWanClient({ apiKey: keys['a long realistic key'], baseUrl: server.url }).generate(input, {
        signal: controller.signal,
        onSubmitted: (taskId) => void submitted.push(taskId),
      }),
    );
    expect(error).toBe(reason);
    expect(submitted).toEqual(['task_1']);
    expect(posts() - before.posts).toBe(1);
    expect(gets() - before.gets).toBe(0);
  });
});
