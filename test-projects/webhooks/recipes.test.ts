import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Receiver, startReceiver } from './receiver.ts';

const mockUrl = inject('mockUrl');
const tls = inject('tls');
const token = randomBytes(24).toString('hex');

interface SavedCall {
  taskId: string;
  state: string;
  saved: boolean;
}

/** Submits a callback-mode task to the mock, which POSTs its final status to `callbackUrl` 1 s later. */
async function submitWithCallback(callbackUrl: string): Promise<string> {
  const response = await fetch(`${mockUrl}/generateTask/wan-2-5-video`, {
    method: 'POST',
    headers: { Authorization: 'Bearer any-key-works-on-the-mock', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      request_type: 'callback',
      callback_url: callbackUrl,
      input: { mode: 'text-to-video', prompt: 'a paper boat on a rainy street', resolution: '480p' },
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { taskId: string } }).data.taskId;
}

/** POSTs JSON over https to a recipe, trusting its certificate; resolves with the status. */
function post(url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, {
      method: 'POST',
      ca: tls.cert,
      headers: { 'Content-Type': 'application/json' },
    });
    sent.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.once('error', reject);
    sent.end(JSON.stringify(body));
  });
}

/** A success envelope for a task the API never ran, with a result URL of the forger's choosing. */
const forgedDelivery = (taskId: string) => ({
  code: 200,
  message: 'success',
  data: {
    taskId,
    state: 'success',
    resultJson: JSON.stringify({ resultUrls: ['https://attacker.example/video.mp4'] }),
    createTime: Date.now() - 60_000,
    completeTime: Date.now(),
  },
});

/** Long enough for the mock to deliver again (every 0.5 s) had the receiver not answered 200. */
const settle = () => setTimeout(1_500);

describe.each(inject('recipes'))('the %s recipe, installed from the registry', (recipe) => {
  const dir = join(inject('projectsDir'), recipe);
  const savedTasksFile = join(dir, 'saved-tasks.jsonl');
  /** What the recipe's onTask (the stand-in saveTask) was called with for `taskId`, in order. */
  const calls = (taskId: string): SavedCall[] =>
    existsSync(savedTasksFile)
      ? readFileSync(savedTasksFile, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as SavedCall)
          .filter((call) => call.taskId === taskId)
      : [];
  const withToken = (url: string, value: string) => `${url}?token=${value}`;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver(dir, {
      WEBHOOK_TOKEN: token,
      TLS_KEY_FILE: tls.keyFile,
      TLS_CERT_FILE: tls.certFile,
      HOST: '127.0.0.1',
      PORT: '0',
      SAVED_TASKS_FILE: savedTasksFile,
    });
  });
  afterAll(() => receiver?.stop());

  it("receives the mock's callback and runs onTask once with the finished task", async () => {
    const taskId = await submitWithCallback(withToken(receiver.url, token));
    const once = [{ taskId, state: 'success', saved: true }];
    await expect.poll(() => calls(taskId), { timeout: 15_000 }).toEqual(once);
    await settle();
    expect(calls(taskId)).toEqual(once);
  });

  it('answers non-200 when onTask throws, so the mock delivers again and onTask runs again', async () => {
    writeFileSync(`${savedTasksFile}.fail-once`, ''); // the stand-in database fails its next call
    const taskId = await submitWithCallback(withToken(receiver.url, token));
    const failedThenSaved = [
      { taskId, state: 'success', saved: false },
      { taskId, state: 'success', saved: true },
    ];
    await expect.poll(() => calls(taskId), { timeout: 15_000 }).toEqual(failedThenSaved);
    await settle();
    expect(calls(taskId)).toEqual(failedThenSaved);
  });

  it('answers 401 to a forged delivery without the right token, which never reaches onTask', async () => {
    const taskId = `task_${randomBytes(8).toString('hex')}`;
    expect(await post(receiver.url, forgedDelivery(taskId))).toBe(401);
    expect(await post(withToken(receiver.url, randomBytes(24).toString('hex')), forgedDelivery(taskId))).toBe(
      401,
    );
    expect(calls(taskId)).toEqual([]);
    // The same body with the token is a valid delivery: it was the token that kept it out.
    expect(await post(withToken(receiver.url, token), forgedDelivery(taskId))).toBe(200);
    expect(calls(taskId)).toEqual([{ taskId, state: 'success', saved: true }]);
  });
});
