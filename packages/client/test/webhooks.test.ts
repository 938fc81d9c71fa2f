import { describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, parseWebhook, type WanTask, WanValidationError } from '../src/index.ts';
import { createTime } from './fake-fetch.ts';

const url = 'https://hooks.example.com/apixo';

const successBody = (taskId = 'task_1') => ({
  code: 200,
  message: 'success',
  data: {
    taskId,
    state: 'success',
    resultJson: '{"resultUrls":["https://file.apixo.ai/video.mp4"]}',
    createTime,
    completeTime: createTime + 1000,
  },
});

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) => new Request(url, { method: 'POST', body, headers });

const postJson = (value: unknown) => post(JSON.stringify(value));

function handlerRecording() {
  const tasks: WanTask[] = [];
  const handler = createWebhookHandler({ onTask: (task) => void tasks.push(task) });
  return { tasks, handler };
}

/** Lets the work the handler started after answering run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

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

describe('createWebhookHandler', () => {
  it('answers 405 to anything but POST', async () => {
    const { handler, tasks } = handlerRecording();
    const response = await handler(new Request(url));
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST');
    expect(tasks).toHaveLength(0);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const { handler } = handlerRecording();
    const response = await handler(post(JSON.stringify(successBody()), { 'Content-Type': 'text/plain' }));
    expect(response.status).toBe(415);
  });

  it('accepts a JSON content type with parameters', async () => {
    const { handler } = handlerRecording();
    const response = await handler(
      post(JSON.stringify(successBody()), { 'Content-Type': 'application/json; charset=utf-8' }),
    );
    expect(response.status).toBe(200);
  });

  it('answers 413 when Content-Length says more than 1 MB', async () => {
    const { handler } = handlerRecording();
    const response = await handler(
      post('{}', { 'Content-Type': 'application/json', 'Content-Length': '1048577' }),
    );
    expect(response.status).toBe(413);
  });

  it('answers 413 when a streamed body passes 1 MB, without reading it all', async () => {
    const { handler } = handlerRecording();
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
    const { handler } = handlerRecording();
    const text = JSON.stringify(successBody());
    const padded = text + ' '.repeat(1024 * 1024 - text.length);
    expect((await handler(post(padded))).status).toBe(200);
  });

  it('answers 400 to invalid bodies with the issues', async () => {
    const { handler, tasks } = handlerRecording();
    const notJson = await handler(post('{"code":'));
    expect(notJson.status).toBe(400);
    const invalid = await handler(postJson({ code: 200, message: 'success', data: { state: 'success' } }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { issues: { path: string }[] };
    expect(body.issues.map((issue) => issue.path)).toContain('data.taskId');
    expect(tasks).toHaveLength(0);
  });

  it('answers 200 without waiting for onTask', async () => {
    let finish: () => void = () => {};
    const onTask = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const waitUntil = vi.fn();
    const handler = createWebhookHandler({ onTask, waitUntil });
    const response = await handler(postJson(successBody()));
    expect(response.status).toBe(200);
    await flush();
    expect(onTask).toHaveBeenCalledOnce();
    expect(waitUntil).toHaveBeenCalledOnce();
    finish();
  });

  it('calls onTask once per task and state when the provider delivers again', async () => {
    const { handler, tasks } = handlerRecording();
    const responses = await Promise.all([
      handler(postJson(successBody('task_1'))),
      handler(postJson(successBody('task_1'))),
      handler(postJson(successBody('task_2'))),
    ]);
    responses.push(await handler(postJson(successBody('task_1'))));
    await flush();
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(tasks.map((task) => task.taskId)).toEqual(['task_1', 'task_2']);
  });

  it('uses a given dedupe store', async () => {
    const claimed = new Set<string>();
    const onTask = vi.fn();
    const handler = createWebhookHandler({
      onTask,
      dedupe: { claim: async (key) => !claimed.has(key) && Boolean(claimed.add(key)) },
    });
    await handler(postJson(successBody()));
    await handler(postJson(successBody()));
    await flush();
    expect([...claimed]).toEqual(['task_1:success']);
    expect(onTask).toHaveBeenCalledOnce();
  });

  it('reports what onTask throws to onError', async () => {
    const failure = new Error('database down');
    const onError = vi.fn();
    const handler = createWebhookHandler({
      onTask: () => {
        throw failure;
      },
      onError,
    });
    expect((await handler(postJson(successBody()))).status).toBe(200);
    await flush();
    expect(onError).toHaveBeenCalledWith(failure, expect.objectContaining({ taskId: 'task_1' }));
  });
});
