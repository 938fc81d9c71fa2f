import {
  contractCallbackTls,
  contractTaskSeconds,
  requestExamples,
  specValidator,
  startWebhookReceiver,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from '@wan25/test-utils';
import { TaskStatusResponseSchema } from '@wan25/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { submit, submitPath, withAuth } from './api.ts';

const webhookPayload = specValidator('TaskStatusResponse');
const callbackExample = requestExamples(submitPath, 'post').find(
  ({ name }) => name === 'textToVideoCallback',
);
const taskMs = contractTaskSeconds * 1000;

// Prism on a loaded machine can take seconds per answer.
describe('callback mode', { timeout: 60_000 }, () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(() => receiver?.close());

  const startReceiver = async (options: Omit<WebhookReceiverOptions, 'tls'> = {}) => {
    receiver = await startWebhookReceiver({ ...options, tls: contractCallbackTls() });
    return receiver;
  };

  async function submitCallbackTask(callbackUrl: string, headers = withAuth({})): Promise<string> {
    const response = await submit(
      { ...(callbackExample?.value as object), callback_url: callbackUrl },
      headers,
    );
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body.data.taskId;
  }

  it('POSTs the final status to callback_url when the task ends, and again after a non-200 answer', async () => {
    const hook = await startReceiver({ answer: (n) => (n === 1 ? 500 : 200) });
    const submittedAt = Date.now();
    const taskId = await submitCallbackTask(hook.url);

    const first = await hook.nextDelivery(taskMs + 10_000);
    expect(Date.now() - submittedAt).toBeGreaterThanOrEqual(taskMs - 50);
    expect(first.method).toBe('POST');
    expect(first.headers['content-type']).toContain('application/json');
    expect(webhookPayload(first.body), JSON.stringify(webhookPayload.errors)).toBe(true);
    expect(TaskStatusResponseSchema.safeParse(first.body).error).toBeUndefined();
    expect(first.body).toMatchObject({
      code: 200,
      data: { taskId, state: 'success', costTime: taskMs, resultJson: expect.stringContaining('/files/') },
    });

    // The receiver answered 500: the same body comes again, and once it gets its 200, nothing more.
    const second = await hook.nextDelivery(10_000);
    expect(second.rawBody).toBe(first.rawBody);
    expect(second.status).toBe(200);
    await expect(hook.nextDelivery(1_000)).rejects.toThrow(/no webhook delivery/);
  });

  it('delivers the outcome the submit prefers', async () => {
    const hook = await startReceiver();
    const taskId = await submitCallbackTask(hook.url, withAuth({ Prefer: 'example=failedTimeout' }));
    const delivery = await hook.nextDelivery(taskMs + 10_000);
    expect(delivery.body).toMatchObject({ data: { taskId, state: 'failed', failCode: 'TIMEOUT' } });
  });

  it('delivers nothing for a rejected submit, nor for a task that never ends', async () => {
    const hook = await startReceiver();
    const rejected = await submit(
      { ...(callbackExample?.value as object), callback_url: hook.url.replace('https:', 'http:') },
      withAuth({}),
    );
    expect(rejected.status).toBe(400);
    expect((await rejected.json()).message).toMatch(/callback_url/);
    await submitCallbackTask(hook.url, withAuth({ Prefer: 'example=processing' }));
    await expect(hook.nextDelivery(taskMs + 1_000)).rejects.toThrow(/no webhook delivery/);
  });
});
