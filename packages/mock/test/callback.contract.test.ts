import { requestExamples, specValidator, startWebhookReceiver, webhookExamples } from '@wan25/test-utils';
import { TaskStatusResponseSchema } from '@wan25/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, submitPath } from './api.ts';

const webhookPayload = specValidator('TaskStatusResponse');
const callbackExample = requestExamples(submitPath, 'post').find(
  ({ name }) => name === 'textToVideoCallback',
);
// Prism picks one of the webhook's examples at random for each delivery.
const deliverable = webhookExamples('taskFinished').map(({ value }) => value);

describe('callback mode', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('POSTs the final task status to a loopback callback_url, valid by the webhook schema and @wan25/zod', async () => {
    const response = await submit({ ...(callbackExample?.value as object), callback_url: receiver.url });
    // The spec only allows https callback URLs, so the submit itself is refused; Prism still delivers.
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).toContain('callback_url');

    const delivery = await receiver.nextDelivery();
    expect(delivery.method).toBe('POST');
    expect(delivery.headers['content-type']).toContain('application/json');
    expect(webhookPayload(delivery.body), JSON.stringify(webhookPayload.errors)).toBe(true);
    expect(TaskStatusResponseSchema.safeParse(delivery.body).error).toBeUndefined();
    expect(deliverable).toContainEqual(delivery.body);
  });
});
