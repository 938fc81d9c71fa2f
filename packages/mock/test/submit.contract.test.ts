import { requestExamples, requestVectors, specValidator } from '@wan25/test-utils';
import { GenerateTaskResponseSchema } from '@wan25/zod';
import { describe, expect, it } from 'vitest';
import { submit, submitPath, withoutCallback } from './api.ts';

const submitQuietly = (body: unknown) => {
  const quiet = withoutCallback(body);
  return submit(quiet.body, quiet.headers);
};

const acceptedAnswer = specValidator('GenerateTaskResponse');
const errorAnswer = specValidator('ErrorResponse');

async function expectAccepted(response: Response): Promise<void> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(acceptedAnswer(body), JSON.stringify(acceptedAnswer.errors)).toBe(true);
  expect(GenerateTaskResponseSchema.safeParse(body).error).toBeUndefined();
  expect(body.data.taskId).toEqual(expect.any(String));
}

describe('POST /generateTask/wan-2-5-video', () => {
  it.each(requestExamples(submitPath, 'post'))('accepts the request example $name', async ({ value }) => {
    await expectAccepted(await submitQuietly(value));
  });

  it.each(requestVectors.filter((vector) => vector.valid))(
    'accepts the valid vector $id ($why)',
    async ({ body }) => {
      await expectAccepted(await submitQuietly(body));
    },
  );

  it.each(requestVectors.filter((vector) => !vector.valid))(
    'rejects the invalid vector $id with 400 ($why)',
    async ({ body }) => {
      const response = await submitQuietly(body);
      const answer = await response.json();
      expect(response.status).toBe(400);
      expect(errorAnswer(answer), JSON.stringify(errorAnswer.errors)).toBe(true);
      // Prism names the broken rules in this header.
      const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]');
      expect(violations).toContainEqual(
        expect.objectContaining({ location: expect.arrayContaining(['request']) }),
      );
      // The body's message names them (the first at its start), not the spec's example message.
      const named: string[] = violations.map(({ message }: { message: string }) => message);
      expect(
        named.some((message) => answer.message.startsWith(message)),
        answer.message,
      ).toBe(true);
    },
  );
});
