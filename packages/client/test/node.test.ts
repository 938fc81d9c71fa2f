import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
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

const delivery = (taskId = 'task_9') =>
  JSON.stringify({
    code: 200,
    message: 'success',
    data: { taskId, state: 'failed', failCode: 'TIMEOUT', createTime },
  });

interface Answer {
  status: number;
  /** Whether the request went over a connection an earlier request had used. */
  reusedSocket: boolean;
  ms: number;
}

/** POSTs with node:http over `agent`, so the test controls which connection each request uses. */
function send(agent: Agent, to: string, body: string, contentType = 'application/json'): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      to,
      { method: 'POST', agent, headers: { 'Content-Type': contentType }, timeout: 5_000 },
      (res) => {
        res.resume().once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            reusedSocket: req.reusedSocket,
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.once('timeout', () => req.destroy(new Error('no answer within 5 s')));
    req.once('error', reject);
    req.end(body);
  });
}

describe('toNodeListener', () => {
  it('serves the webhook handler on node:http', async () => {
    const response = await fetch(url, {
      method: 'POST',
      body: delivery(),
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

  it('answers the next delivery on a kept-alive connection at once after a 413 and after a 415', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await send(agent, url, ' '.repeat(2 * 1024 * 1024))).status).toBe(413);
      const afterTooLarge = await send(agent, url, delivery('task_10'));
      expect(afterTooLarge.status).toBe(200);
      expect(afterTooLarge.ms).toBeLessThan(1_000);

      // A small unread body is drained, so the connection carries on.
      expect((await send(agent, url, delivery(), 'text/plain')).status).toBe(415);
      const afterUnsupported = await send(agent, url, delivery('task_11'));
      expect(afterUnsupported).toMatchObject({ status: 200, reusedSocket: true });
      expect(afterUnsupported.ms).toBeLessThan(1_000);

      // A large one closes the connection instead, so the next delivery comes on a new one.
      expect((await send(agent, url, ' '.repeat(512 * 1024), 'text/plain')).status).toBe(415);
      const afterLarge = await send(agent, url, delivery('task_12'));
      expect(afterLarge).toMatchObject({ status: 200, reusedSocket: false });
      expect(afterLarge.ms).toBeLessThan(1_000);
    } finally {
      agent.destroy();
    }
  });

  it('answers 500 when the handler throws', async () => {
    const failing = createServer(toNodeListener(() => Promise.reject(new Error('bug'))));
    failing.listen(0, '127.0.0.1');
    await once(failing, 'listening');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const to = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
      expect((await send(agent, to, delivery())).status).toBe(500);
      expect(await send(agent, to, delivery())).toMatchObject({ status: 500, reusedSocket: true });
    } finally {
      agent.destroy();
      failing.close();
    }
  });
});

describe('a process whose onTask and onError both throw', () => {
  const fixture = join(import.meta.dirname, 'fixtures/failing-webhook-server.ts');

  it.each([[[]], [['--acknowledge-first']]])(
    'keeps serving (flags %j)',
    async (flags: string[]) => {
      const child = spawn(process.execPath, [fixture, ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const agent = new Agent();
      try {
        const port = await new Promise<string>((resolve, reject) => {
          child.stdout.setEncoding('utf8').once('data', resolve);
          child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
        });
        const to = `http://127.0.0.1:${port.trim()}/hook`;
        const expected = flags.length === 0 ? 500 : 200;
        for (const taskId of ['task_a', 'task_b']) {
          expect((await send(agent, to, delivery(taskId))).status).toBe(expected);
        }
        await new Promise((resolve) => setTimeout(resolve, 200)); // time for a late rejection to end it
        expect(child.exitCode, stderr).toBeNull();
        expect((await send(agent, to, delivery('task_c'))).status).toBe(expected);
        expect(stderr).toContain('onError broke');
      } finally {
        agent.destroy();
        if (child.exitCode === null) {
          child.kill();
          await once(child, 'exit');
        }
      }
    },
    30_000,
  ); // the child loads the sources with Node's type stripping
});
