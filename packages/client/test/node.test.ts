import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookHandler, type WanTask } from '../src/index.ts';
import { toNodeListener } from '../src/node.ts';
import { createTime } from './fake-fetch.ts';

const tasks: WanTask[] = [];
const server = createServer(
  toNodeListener(createWebhookHandler({ onTask: (task) => void tasks.push(task) })),
);
let url: string;

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const body = JSON.stringify({
  code: 200,
  message: 'success',
  data: { taskId: 'task_9', state: 'failed', failCode: 'TIMEOUT', createTime },
});

describe('toNodeListener', () => {
  it('serves the webhook handler on node:http', async () => {
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });
    expect(tasks).toEqual([{ taskId: 'task_9', state: 'failed', failCode: 'TIMEOUT', createTime }]);
  });

  it('passes status codes and headers through', async () => {
    const response = await fetch(url);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 413 to an oversized chunked body', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(url, {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});
