import { contractBaseUrl, responseExamples, specValidator } from '@wan25/test-utils';
import { TaskStatusResponseSchema } from '@wan25/zod';
import { describe, expect, it } from 'vitest';
import { getStatus, statusPath, withAuth } from './api.ts';

const statusAnswer = specValidator('TaskStatusResponse');
const scenarios = responseExamples(statusPath, 'get', '200');

// Prism on a loaded machine can take seconds per answer.
describe('GET /statusTask/wan-2-5-video', { timeout: 30_000 }, () => {
  it('answers a task id it never gave out with the first example, a succeeded task', async () => {
    const response = await getStatus('task_12345678');
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(statusAnswer(body), JSON.stringify(statusAnswer.errors)).toBe(true);
    expect(body.data.state).toBe('success');
    expect(JSON.parse(body.data.resultJson).resultUrls).toEqual([expect.stringMatching(/^https:\/\//)]);
  });

  it('offers every state as a scenario', () => {
    const states = scenarios.map(({ value }) => (value as { data: { state: string } }).data.state);
    expect(new Set(states)).toEqual(new Set(['success', 'pending', 'processing', 'failed']));
  });

  it.each(scenarios)(
    'Prefer: example=$name answers that example, valid by the spec and by @wan25/zod',
    async ({ name, value }) => {
      const response = await getStatus('task_12345678', withAuth({ Prefer: `example=${name}` }));
      const body = await response.json();
      expect(response.status).toBe(200);
      expect(body).toEqual(value);
      expect(statusAnswer(body), JSON.stringify(statusAnswer.errors)).toBe(true);
      expect(TaskStatusResponseSchema.safeParse(body).error).toBeUndefined();
    },
  );

  it('rejects a request without taskId with 400', async () => {
    const response = await fetch(`${contractBaseUrl()}${statusPath}`, { headers: withAuth({}) });
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).toMatch(/taskid/i);
  });
});
