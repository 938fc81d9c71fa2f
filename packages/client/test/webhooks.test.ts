import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWanClient,
  createWebhookHandler,
  parseWebhook,
  WanConnectionError,
  WanError,
  type WanTask,
  WanTimeoutError,
  WanValidationError,
  type WebhookDedupeStore,
  type WebhookHandlerOptions,
} from '../src/index.ts';
import {
  apiKey,
  baseUrl,
  createTime,
  envelope,
  fakeFetch,
  networkError,
  processing,
  succeeded,
} from './fake-fetch.ts';

const url = 'https://hooks.example.com/apixo';
const token = 'a1b2c3d4e5f6a7b8c9d0';

const successBody = (taskId = 'task_1', urls = ['https://file.apixo.ai/video.mp4']) => ({
  code: 200,
  message: 'success',
  data: {
    taskId,
    state: 'success',
    resultJson: JSON.stringify({ resultUrls: urls }),
    createTime,
    completeTime: createTime + 1000,
  },
});

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
  to = url,
) => new Request(to, { method: 'POST', body, headers });

const postJson = (value: unknown, to = url) =>
  post(JSON.stringify(value), { 'Content-Type': 'application/json' }, to);

type Options = Omit<WebhookHandlerOptions, 'onTask'> & { onTask?: WebhookHandlerOptions['onTask'] };

/** A handler whose tasks are recorded, and whose errors are collected rather than logged. */
function recordingHandler({ onTask, ...options }: Options = {}) {
  const tasks: WanTask[] = [];
  const errors: unknown[] = [];
  const handler = createWebhookHandler({
    onError: (error) => void errors.push(error),
    ...options,
    onTask: async (task, context) => {
      await onTask?.(task, context);
      tasks.push(task);
    },
  });
  return { tasks, errors, handler };
}

/** Lets the work the handler started after answering run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  await flush();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

describe('parseWebhook', () => {
  it('gives the same task as getTask, from text or parsed JSON', () => {
    const expected = {
      taskId: 'task_1',
      state: 'success',
      createTime,
      completeTime: createTime + 1000,
      resultUrls: ['https://file.apixo.ai/video.mp4'],
    };
    expect(parseWebhook(JSON.stringify(successBody()))).toEqual(expected);
    expect(parseWebhook(successBody())).toEqual(expected);
  });

  it('throws WanValidationError naming the problem', () => {
    expect(() => parseWebhook('{')).toThrow(WanValidationError);
    expect(() =>
      parseWebhook({ code: 200, message: 'success', data: { taskId: 't', state: 'failed', createTime } }),
    ).toThrow(/data\.failCode/);
  });
});

describe('createWebhookHandler: requests it refuses', () => {
  it('answers 405 to anything but POST', async () => {
    const { handler, tasks } = recordingHandler();
    const response = await handler(new Request(url));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST');
    expect(tasks).toHaveLength(0);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { handler } = recordingHandler();
    const response = await handler(post(JSON.stringify(successBody()), { 'Content-Type': 'text/plain' }));
    expect(response.status).toBe(415);
  });

  it('accepts a JSON content type with parameters', async () => {
    const { handler } = recordingHandler();
    const response = await handler(
      post(JSON.stringify(successBody()), { 'Content-Type': 'application/json; charset=utf-8' }),
    );
    expect(response.status).toBe(200);
  });

  it('answers 413 when Content-Length says more than 1 MB', async () => {
    const { handler } = recordingHandler();
    const response = await handler(
      post('{}', { 'Content-Type': 'application/json', 'Content-Length': '1048577' }),
    );
    expect(response.status).toBe(413);
  });

  it('answers 413 when a streamed body passes 1 MB, without reading it all', async () => {
    const { handler } = recordingHandler();
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await handler(
      new Request(url, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(40); // the stream never ends: reading it all would hang
  });

  it('accepts a body of exactly 1 MB', async () => {
    const { handler } = recordingHandler();
    const text = JSON.stringify(successBody());
    const padded = text + ' '.repeat(1024 * 1024 - text.length);
    expect((await handler(post(padded))).status).toBe(200);
  });

  it('answers 400 to invalid bodies with the issues', async () => {
    const { handler, tasks } = recordingHandler();
    const notJson = await handler(post('{"code":'));
    expect(notJson.status).toBe(400);
    const invalid = await handler(postJson({ code: 200, message: 'success', data: { state: 'success' } }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { issues: { path: string }[] };
    expect(body.issues.map((issue) => issue.path)).toContain('data.taskId');
    expect(tasks).toHaveLength(0);
  });

  it('rejects a deadline the provider would not wait for', () => {
    const onTask = () => {};
    for (const deadlineMs of [30_000, 0, Number.NaN]) {
      expect(() => createWebhookHandler({ onTask, deadlineMs })).toThrow(
        /deadlineMs: must be a positive number below 30000/,
      );
    }
  });
});

describe('createWebhookHandler: at least once (the default)', () => {
  it('answers 200 only once onTask has resolved', async () => {
    let finish: () => void = () => {};
    const { handler, tasks } = recordingHandler({
      onTask: () => new Promise<void>((resolve) => (finish = resolve)),
    });
    let answered = false;
    const response = handler(postJson(successBody())).finally(() => (answered = true));
    await flush();
    expect(answered).toBe(false);
    finish();
    expect((await response).status).toBe(200);
    expect(tasks).toHaveLength(1);
  });

  it('answers non-200 when onTask fails, runs it again on the redelivery, and not after a success', async () => {
    const failure = new Error('database down');
    const onTask = vi.fn<WebhookHandlerOptions['onTask']>().mockRejectedValueOnce(failure);
    const { handler, errors } = recordingHandler({ onTask });

    const first = await handler(postJson(successBody()));
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ error: 'Not handled; deliver again' }); // nothing leaks
    expect(errors).toEqual([failure]);

    expect((await handler(postJson(successBody()))).status).toBe(200);
    expect(onTask).toHaveBeenCalledTimes(2);

    expect((await handler(postJson(successBody()))).status).toBe(200);
    expect(onTask).toHaveBeenCalledTimes(2);
  });

  it('answers 503 at the deadline, aborts the signal given to onTask, and lets the redelivery run', async () => {
    const signals: AbortSignal[] = [];
    const onTask = vi.fn<WebhookHandlerOptions['onTask']>().mockImplementationOnce((_task, { signal }) => {
      signals.push(signal);
      return new Promise(() => {}); // hangs, like a stuck database call
    });
    const { handler, errors } = recordingHandler({ onTask, deadlineMs: 50 });
    const started = Date.now();
    const response = await handler(postJson(successBody()));
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(signals[0]?.aborted).toBe(true);
    expect(errors).toEqual([expect.any(WanTimeoutError)]);

    expect((await handler(postJson(successBody()))).status).toBe(200);
    expect(onTask).toHaveBeenCalledTimes(2);
  });

  it('calls onTask once per task and state when copies arrive together', async () => {
    const { handler, tasks } = recordingHandler();
    const responses = await Promise.all([
      handler(postJson(successBody('task_1'))),
      handler(postJson(successBody('task_1'))),
      handler(postJson(successBody('task_2'))),
    ]);
    responses.push(await handler(postJson(successBody('task_1'))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(tasks.map((task) => task.taskId)).toEqual(['task_1', 'task_2']);
  });

  it('claims in the given store and releases there when onTask fails', async () => {
    const claimed = new Set<string>();
    const dedupe: WebhookDedupeStore = {
      claim: async (key) => !claimed.has(key) && Boolean(claimed.add(key)),
      release: async (key) => void claimed.delete(key),
    };
    const onTask = vi.fn<WebhookHandlerOptions['onTask']>().mockRejectedValueOnce(new Error('down'));
    const { handler } = recordingHandler({ onTask, dedupe });
    expect((await handler(postJson(successBody()))).status).toBe(500);
    expect([...claimed]).toEqual([]);
    expect((await handler(postJson(successBody()))).status).toBe(200);
    expect([...claimed]).toEqual(['task_1:success']);
  });

  it('answers 503 when the store cannot claim, without running onTask', async () => {
    const down = new Error('store down');
    const { handler, tasks, errors } = recordingHandler({
      dedupe: { claim: () => Promise.reject(down), release: () => {} },
    });
    expect((await handler(postJson(successBody()))).status).toBe(503);
    expect(tasks).toHaveLength(0);
    expect(errors).toEqual([down]);
  });

  it('releases a claim that lands after the deadline', async () => {
    const released: string[] = [];
    let grant: (won: boolean) => void = () => {};
    const { handler } = recordingHandler({
      deadlineMs: 20,
      dedupe: {
        claim: () => new Promise<boolean>((resolve) => (grant = resolve)),
        release: (key) => void released.push(key),
      },
    });
    expect((await handler(postJson(successBody()))).status).toBe(503);
    grant(true);
    await flush();
    expect(released).toEqual(['task_1:success']);
  });
});

describe('createWebhookHandler: acknowledgeFirst', () => {
  it('answers 200 without waiting for onTask, which reports its failure to onError only', async () => {
    let fail: (error: Error) => void = () => {};
    const onTask = vi.fn(() => new Promise<void>((_resolve, reject) => (fail = reject)));
    const waitUntil = vi.fn();
    const { handler, errors } = recordingHandler({ onTask, waitUntil, acknowledgeFirst: true });
    const response = await handler(postJson(successBody()));
    expect(response.status).toBe(200);
    expect(onTask).toHaveBeenCalledOnce();
    expect(waitUntil).toHaveBeenCalledOnce();
    const failure = new Error('database down');
    fail(failure);
    await flush();
    expect(errors).toEqual([failure]);
    // at most once: the claim is kept, so a redelivery does not run onTask again
    expect((await handler(postJson(successBody()))).status).toBe(200);
    expect(onTask).toHaveBeenCalledOnce();
  });
});

describe('createWebhookHandler: an onError that throws', () => {
  const throwing = {
    sync: () => {
      throw new Error('onError broke');
    },
    async: () => Promise.reject(new Error('onError broke')),
  };

  it.each(Object.entries(throwing))('is caught (%s), in both modes', async (_kind, onError) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const onTask = () => Promise.reject(new Error('database down'));
      const atLeastOnce = createWebhookHandler({ onTask, onError });
      expect((await atLeastOnce(postJson(successBody()))).status).toBe(500);
      const acknowledged = createWebhookHandler({ onTask, onError, acknowledgeFirst: true });
      expect((await acknowledged(postJson(successBody()))).status).toBe(200);
      await flush();
      expect(consoleError).toHaveBeenCalledTimes(2);
    } finally {
      consoleError.mockRestore();
    }
  });
});

describe('createWebhookHandler: token', () => {
  it('answers 401 without the token, before reading the body', async () => {
    const { handler, tasks } = recordingHandler({ token });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new TextEncoder().encode(JSON.stringify(successBody())));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect((await handler(request)).status).toBe(401);
    expect(pulled).toBe(0);
    expect((await handler(postJson(successBody(), `${url}?token=${token}x`))).status).toBe(401);
    expect((await handler(postJson(successBody(), `${url}?token=${token.slice(1)}`))).status).toBe(401);
    expect(tasks).toHaveLength(0);
  });

  it('accepts the token, and each of several while one is rotated out', async () => {
    const { handler, tasks } = recordingHandler({ token: [token, 'the-next-secret-0123456789'] });
    expect((await handler(postJson(successBody('a'), `${url}?token=${token}`))).status).toBe(200);
    const next = `${url}?token=the-next-secret-0123456789&other=1`;
    expect((await handler(postJson(successBody('b'), next))).status).toBe(200);
    expect(tasks.map((task) => task.taskId)).toEqual(['a', 'b']);
  });

  it('refuses a token too short to be a secret', () => {
    const onTask = () => {};
    for (const invalid of ['short', [token, ''], []]) {
      expect(() => createWebhookHandler({ onTask, token: invalid })).toThrow(
        /token: must be secrets of at least 16 characters/,
      );
    }
  });
});

describe('createWebhookHandler: confirmWith', () => {
  const clientAnswering = (...answers: (() => Response | Error)[]) => {
    const fetch = fakeFetch((_call, index) => (answers[index] ?? answers.at(-1) ?? (() => new Error()))());
    return { client: createWanClient({ apiKey, baseUrl, fetch, maxRetries: 0 }), fetch };
  };

  it('never passes a forged success on while the API reports the task processing', async () => {
    const { client, fetch } = clientAnswering(() => processing('task_1'));
    const { handler, tasks, errors } = recordingHandler({ confirmWith: client });
    const response = await handler(postJson(successBody('task_1', ['https://evil.example/video.mp4'])));
    expect(response.status).toBe(409);
    expect(tasks).toHaveLength(0);
    expect(fetch.calls[0]?.url.searchParams.get('taskId')).toBe('task_1');
    expect(errors).toEqual([expect.any(WanError)]);
    expect(String(errors[0])).toMatch(/task_1 is success; the API says processing/);
  });

  it('never passes a forged success on while the API reports a state it does not know', async () => {
    const { client } = clientAnswering(() => envelope({ taskId: 'task_1', state: 'queued', createTime }));
    const { handler, tasks } = recordingHandler({ confirmWith: client });
    expect((await handler(postJson(successBody()))).status).toBe(409);
    expect(tasks).toHaveLength(0);
  });

  it('answers 503 while the API cannot be reached, then passes on the API task, not the posted one', async () => {
    const { client } = clientAnswering(
      () => networkError('ECONNREFUSED'),
      () => succeeded('task_1', createTime, ['https://file.apixo.ai/real.mp4']),
    );
    const { handler, tasks, errors } = recordingHandler({ confirmWith: client });
    const forgedUrls = ['https://evil.example/video.mp4'];
    expect((await handler(postJson(successBody('task_1', forgedUrls)))).status).toBe(503);
    expect(errors).toEqual([expect.any(WanConnectionError)]);
    expect(tasks).toHaveLength(0);

    expect((await handler(postJson(successBody('task_1', forgedUrls)))).status).toBe(200);
    expect(tasks).toEqual([expect.objectContaining({ resultUrls: ['https://file.apixo.ai/real.mp4'] })]);
  });

  it('counts the confirmation against the deadline', async () => {
    const fetch = fakeFetch(() => () => new Promise<Response>(() => {}));
    const client = createWanClient({ apiKey, baseUrl, fetch, maxRetries: 0 });
    const { handler, errors } = recordingHandler({ confirmWith: client, deadlineMs: 30 });
    expect((await handler(postJson(successBody()))).status).toBe(503);
    expect(errors).toEqual([expect.any(WanTimeoutError)]);
    expect(fetch.calls[0]?.signal.aborted).toBe(true);
  });
});
