import {
  contractBaseUrl,
  contractTaskSeconds,
  requestExamples,
  responseExamples,
  specValidator,
} from '@wan25/test-utils';
import { TaskStatusResponseSchema } from '@wan25/zod';
import { describe, expect, it } from 'vitest';
import { getStatus, statusPath, submit, submitPath, withAuth } from './api.ts';

const statusAnswer = specValidator('TaskStatusResponse');
const quickstart = requestExamples(submitPath, 'post').find(({ name }) => name === 'quickstart')?.value;
const taskMs = contractTaskSeconds * 1000;
const statusExample = (name: string) =>
  responseExamples(statusPath, 'get', '200').find((example) => example.name === name)?.value as {
    data: Record<string, unknown>;
  };

interface StatusData {
  taskId: string;
  state: string;
  createTime: number;
  completeTime?: number;
  costTime?: number;
  resultJson?: string;
  failCode?: string;
}

async function submitTask(headers: Record<string, string> = withAuth({})): Promise<string> {
  const response = await submit(quickstart, headers);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body.data.taskId;
}

async function read(taskId: string, headers: Record<string, string> = withAuth({})): Promise<StatusData> {
  const response = await getStatus(taskId, headers);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(statusAnswer(body), JSON.stringify(statusAnswer.errors)).toBe(true);
  expect(TaskStatusResponseSchema.safeParse(body).error).toBeUndefined();
  return body.data;
}

/** Reads the task until it is no longer pending or processing, checking each answer on the way. */
async function readUntilFinished(taskId: string): Promise<{ seen: string[]; last: StatusData }> {
  const seen: string[] = [];
  for (;;) {
    const data = await read(taskId);
    seen.push(data.state);
    if (data.state !== 'pending' && data.state !== 'processing') return { seen, last: data };
    await new Promise((resolve) => setTimeout(resolve, taskMs / 10));
  }
}

// Prism on a loaded machine can take seconds per answer.
describe('tasks that live', { timeout: 60_000 }, () => {
  it('gives each submit its own task, pending or processing until taskSeconds, then success', async () => {
    const submittedAt = Date.now();
    const ids = [await submitTask(), await submitTask()];
    expect(new Set(ids).size).toBe(2);
    for (const taskId of ids) expect(['pending', 'processing']).toContain((await read(taskId)).state);

    for (const taskId of ids) {
      const { seen, last } = await readUntilFinished(taskId);
      expect(seen.at(-1)).toBe('success');
      expect(seen.slice(0, -1).every((state) => state === 'pending' || state === 'processing')).toBe(true);
      expect(last.taskId).toBe(taskId);
      // The times follow the mock's clock: created at the submit, complete taskSeconds later.
      expect(last.createTime).toBeGreaterThanOrEqual(submittedAt - 5);
      expect(last.completeTime).toBe(last.createTime + taskMs);
      expect(last.costTime).toBe(taskMs);
      expect(Date.now()).toBeGreaterThanOrEqual(last.completeTime ?? Number.NaN);
      expect(JSON.parse(last.resultJson ?? '').resultUrls).toEqual([
        expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\//),
      ]);
    }
  });

  it('ends as the status example that Prefer: example=NAME names on the submit', async () => {
    const taskId = await submitTask(withAuth({ Prefer: 'example=failedContentViolation' }));
    const { last } = await readUntilFinished(taskId);
    const example = statusExample('failedContentViolation').data;
    expect(last).toEqual({
      ...example,
      taskId,
      createTime: last.createTime,
      completeTime: last.createTime + taskMs,
    });
    expect(last).toMatchObject({ state: 'failed', failCode: 'CONTENT_VIOLATION' });
  });

  it('stays pending when the submit prefers example=pending', async () => {
    const taskId = await submitTask(withAuth({ Prefer: 'example=pending' }));
    await new Promise((resolve) => setTimeout(resolve, taskMs * 1.2));
    expect(await read(taskId)).toEqual({ taskId, state: 'pending', createTime: expect.any(Number) });
  });

  it("answers the example a status read prefers for one of its tasks, with the task's id and times", async () => {
    const taskId = await submitTask();
    const timedOut = await read(taskId, withAuth({ Prefer: 'example=failedTimeout' }));
    expect(timedOut).toMatchObject({ taskId, state: 'failed', failCode: 'TIMEOUT' });
    expect(timedOut.completeTime).toBe(timedOut.createTime + taskMs);
  });

  it('answers a Prefer: code=N on a read of its task with that error', async () => {
    const response = await getStatus(await submitTask(), withAuth({ Prefer: 'code=502' }));
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 502 });
  });

  it('does not create a task for a submit it answers with an error', async () => {
    const response = await submit(quickstart, withAuth({ Prefer: 'code=429' }));
    expect(response.status).toBe(429);
    expect((await response.json()).data).toBeUndefined();
  });

  it("answers an id it never gave out as the spec does: Prism's example", async () => {
    expect(await read('task_never_submitted')).toEqual(statusExample('success').data);
  });
});

describe('result files', { timeout: 60_000 }, () => {
  it('serves a small MP4 at each result URL', async () => {
    const taskId = await submitTask(withAuth({ Prefer: 'example=success' }));
    const { last } = await readUntilFinished(taskId);
    const [url] = JSON.parse(last.resultJson ?? '').resultUrls as string[];
    const response = await fetch(url as string);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(bytes.length).toBeGreaterThan(1_000);
    expect(bytes.length).toBeLessThan(20_000);
    // An ISO media file: its first box is `ftyp`, and it has a movie header and media data.
    expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(bytes.includes(Buffer.from('moov'))).toBe(true);
    expect(bytes.includes(Buffer.from('mdat'))).toBe(true);
  });

  it('answers 404 for anything else under /files/', async () => {
    const response = await fetch(`${contractBaseUrl()}/files/notes.txt`);
    expect(response.status).toBe(404);
  });
});
