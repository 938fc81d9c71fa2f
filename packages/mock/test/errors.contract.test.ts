import { requestExamples, responseExamples, specValidator } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import { getStatus, submit, submitPath, withAuth } from './api.ts';

const errorAnswer = specValidator('ErrorResponse');
const documentedErrors = [400, 401, 402, 403, 429, 500, 502, 504];
const quickstart = requestExamples(submitPath, 'post').find(({ name }) => name === 'quickstart');

async function expectError(response: Response, status: number): Promise<void> {
  const body = await response.json();
  expect(response.status).toBe(status);
  expect(errorAnswer(body), JSON.stringify(errorAnswer.errors)).toBe(true);
  expect(body.code).toBe(status);
}

describe('authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['a Basic credential', { Authorization: 'Basic d2FuOjI1' }],
    ['Bearer without a key', { Authorization: 'Bearer' }],
  ])('answers %s with 401', async (_case, headers: Record<string, string>) => {
    await expectError(await submit(quickstart?.value, headers), 401);
    await expectError(await getStatus('task_12345678', headers), 401);
  });
});

describe('Prefer: code=N selects each documented error', () => {
  it.each(documentedErrors)('submit answers %i', async (status) => {
    await expectError(await submit(quickstart?.value, withAuth({ Prefer: `code=${status}` })), status);
  });

  it.each(documentedErrors)('status answers %i', async (status) => {
    await expectError(await getStatus('task_12345678', withAuth({ Prefer: `code=${status}` })), status);
  });
});

describe('malformed JSON', () => {
  it.each(['{"request_type": "async",', '{bad', 'null,'])(
    "%s gets the spec's 400 at once, saying the body is not JSON",
    async (text) => {
      // The abort turns a hang into a failure instead of a test timeout.
      const response = await submit(text, withAuth({}), AbortSignal.timeout(1_000));
      await expectError(response.clone(), 400);
      expect((await response.json()).message).toMatch(/^Request body is not valid JSON: /);
    },
  );
});

describe('a 400 for an invalid body', { timeout: 30_000 }, () => {
  it('names the violation in its message, e.g. a 1501-character prompt', async () => {
    const body = { request_type: 'async', input: { mode: 'text-to-video', prompt: 'x'.repeat(1501) } };
    const response = await submit(body, withAuth({}));
    const answer = await response.json();
    expect(response.status).toBe(400);
    expect(errorAnswer(answer), JSON.stringify(errorAnswer.errors)).toBe(true);
    expect(answer.message).toMatch(/\bprompt\b.*1500 characters/);
    expect(answer.message).not.toMatch(/aspect_ratio/);
  });

  it('keeps the example message for Prefer: code=400, where nothing was violated', async () => {
    const response = await submit(quickstart?.value, withAuth({ Prefer: 'code=400' }));
    const [example] = responseExamples(submitPath, 'post', '400');
    expect(await response.json()).toEqual(example?.value);
  });
});
