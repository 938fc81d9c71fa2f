// videos.test.ts: a downstream team's vitest suite, testing its own polling loop and webhook receiver
// against @wan25/mock. (The mock's README shows this file; readme.test.ts keeps the two identical.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@wan25/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// --- The code under test; in your project it lives in your app and is imported. ---

interface Task {
  taskId: string;
  state: string;
  resultJson?: string;
  failCode?: string;
}

/** Polls a task until it ends; answers its result URLs, or throws with its fail code. */
async function waitForVideo(api: string, apiKey: string, taskId: string, intervalMs = 10_000) {
  for (;;) {
    const response = await fetch(`${api}/statusTask/wan-2-5-video?taskId=${taskId}`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    const { data } = (await response.json()) as { data: Task };
    if (data.state === 'success')
      return (JSON.parse(data.resultJson ?? '{}') as { resultUrls: string[] }).resultUrls;
    if (data.state === 'failed') throw new Error(`task ${taskId} failed: ${data.failCode}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A webhook receiver: keeps each finished task once, however often it is delivered. */
function createReceiver(tls: { key: string; cert: string }, finished: Map<string, Task>): Server {
  return createServer(tls, async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const { data } = JSON.parse(body) as { data: Task };
    finished.set(data.taskId, data);
    response.writeHead(200).end();
  });
}

// --- The tests ---

const apiKey = 'any-key'; // the mock accepts any Bearer key
const input = { mode: 'text-to-video', prompt: 'a lighthouse at dusk', resolution: '720p' };

/** A self-signed certificate for 127.0.0.1: callback_url must be https. */
function loopbackCertificate() {
  const folder = mkdtempSync(join(tmpdir(), 'tls-'));
  const [keyFile, certFile] = [join(folder, 'key.pem'), join(folder, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      ...[
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
      ],
      ...[
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
}

async function submit(mock: MockServer, body: object, prefer?: string): Promise<string> {
  const response = await fetch(`${mock.url}/generateTask/wan-2-5-video`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
      ...(prefer ? { Prefer: prefer } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { taskId: string } }).data.taskId;
}

describe('videos', { timeout: 30_000 }, () => {
  const tls = loopbackCertificate();
  let mock: MockServer;
  beforeAll(async () => {
    // Tasks end 1 s after their submit; callbacks to our receiver are trusted and retried every 0.2 s.
    mock = await startMockServer({ taskSeconds: 1, callbackCa: tls.cert, callbackRetrySeconds: 0.2 });
  }, 60_000); // loading Prism takes a second or two, more on a busy machine
  afterAll(() => mock?.close());

  it('waitForVideo returns the result URLs once the task succeeds', async () => {
    const taskId = await submit(mock, { request_type: 'async', input });
    const [url] = await waitForVideo(mock.url, apiKey, taskId, 100);
    const video = await fetch(url as string);
    expect(video.headers.get('content-type')).toBe('video/mp4');
  });

  it('waitForVideo throws with the fail code of a failed task', async () => {
    const taskId = await submit(mock, { request_type: 'async', input }, 'example=failedContentViolation');
    await expect(waitForVideo(mock.url, apiKey, taskId, 100)).rejects.toThrow('CONTENT_VIOLATION');
  });

  it('the webhook receiver records the task the mock delivers', async () => {
    const finished = new Map<string, Task>();
    const receiver = createReceiver(tls, finished).listen(0, '127.0.0.1');
    await new Promise((resolve) => receiver.once('listening', resolve));
    try {
      const { port } = receiver.address() as { port: number };
      const callback_url = `https://127.0.0.1:${port}/webhooks/wan`;
      const taskId = await submit(mock, { request_type: 'callback', callback_url, input });
      await expect.poll(() => finished.get(taskId)?.state, { timeout: 10_000 }).toBe('success');
    } finally {
      receiver.close();
    }
  });
});
