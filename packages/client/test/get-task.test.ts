import { resultJsonVectors, statusVectors } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import { createWanClient, WanValidationError } from '../src/index.ts';
import { apiKey, baseUrl, createTime, envelope, failed, fakeFetch, json, succeeded } from './fake-fetch.ts';

const clientAnswering = (body: unknown, validate = true) =>
  createWanClient({ apiKey, baseUrl, validate, fetch: fakeFetch(() => json(200, body)) });

describe('getTask', () => {
  it('reads the task id from the query and parses a succeeded task', async () => {
    const fetch = fakeFetch(() => succeeded('task_7'));
    const task = await createWanClient({ apiKey, baseUrl, fetch }).getTask('task_7');
    expect(fetch.calls[0]?.url.href).toBe(`${baseUrl}/statusTask/wan-2-5-video?taskId=task_7`);
    expect(fetch.calls[0]?.method).toBe('GET');
    expect(task).toEqual({
      taskId: 'task_7',
      state: 'success',
      createTime,
      completeTime: createTime + 141_388,
      costTime: 141_388,
      resultUrls: ['https://file.apixo.ai/video.mp4'],
    });
  });

  it('types a failed task with its fail code and message', async () => {
    const task = await createWanClient({
      apiKey,
      baseUrl,
      fetch: fakeFetch(() => failed('task_1', 'TIMEOUT')),
    }).getTask('task_1');
    expect(task).toMatchObject({ state: 'failed', failCode: 'TIMEOUT', failMsg: expect.any(String) });
  });

  it('decodes an answer that arrives in chunks, a character split across two of them', async () => {
    const bytes = new TextEncoder().encode(
      JSON.stringify({
        code: 200,
        message: 'success',
        data: {
          taskId: 't',
          state: 'failed',
          failCode: 'CONTENT_VIOLATION',
          failMsg: '内容违规 🚫',
          createTime,
        },
      }),
    );
    const splitAt = bytes.indexOf(0xf0) + 2; // inside the emoji's four bytes
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of [bytes.subarray(0, 10), bytes.subarray(10, splitAt), bytes.subarray(splitAt)]) {
          controller.enqueue(chunk);
        }
        controller.close();
      },
    });
    const wan = createWanClient({ apiKey, baseUrl, fetch: fakeFetch(() => new Response(body)) });
    await expect(wan.getTask('t')).resolves.toMatchObject({ failMsg: '内容违规 🚫' });
  });

  it('returns a state the spec does not list as an unknown-state task instead of throwing', async () => {
    const wan = clientAnswering({
      code: 200,
      message: 'success',
      data: { taskId: 't', state: 'queued', createTime },
    });
    await expect(wan.getTask('t')).resolves.toEqual({
      state: 'unknown',
      rawState: 'queued',
      taskId: 't',
      createTime,
    });
  });

  it('validates the rest of an envelope whose state it does not know', async () => {
    const wan = clientAnswering({ code: 200, message: 'success', data: { taskId: 't', state: 'SUCCESS' } });
    await expect(wan.getTask('t')).rejects.toThrow(/data\.createTime/);
  });

  it.each(statusVectors.map((vector) => [vector.id, vector] as const))(
    'status vector %s',
    async (_, vector) => {
      const result = clientAnswering(vector.body).getTask('task_12345678');
      const rawState = (vector.body as { data?: { state?: unknown } }).data?.state;
      if (vector.valid) await expect(result).resolves.toMatchObject({ taskId: expect.any(String) });
      // The spec lists four states; the client reads any other as an unknown-state task, on purpose.
      else if (vector.id === 'fidelity-state-closed-set') {
        await expect(result).resolves.toMatchObject({ state: 'unknown', rawState });
      } else await expect(result).rejects.toBeInstanceOf(WanValidationError);
    },
  );

  it.each(resultJsonVectors.map((vector) => [vector.id, vector] as const))(
    'resultJson vector %s',
    async (_, vector) => {
      const body = {
        code: 200,
        message: 'success',
        data: { taskId: 't', state: 'success', createTime, resultJson: vector.value },
      };
      const result = clientAnswering(body).getTask('t');
      if (vector.valid) await expect(result).resolves.toMatchObject({ state: 'success' });
      else await expect(result).rejects.toThrow(/data\.resultJson/);
    },
  );

  it('gives a typed error for malformed resultJson even with validation off', async () => {
    const body = {
      code: 200,
      message: 'success',
      data: { taskId: 't', state: 'success', createTime, resultJson: '{oops' },
    };
    const error = await clientAnswering(body, false)
      .getTask('t')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanValidationError);
    expect((error as WanValidationError).issues).toEqual([
      { path: 'data.resultJson', code: 'invalid_json', message: 'must be a JSON string' },
    ]);
  });

  it('trusts the envelope with validation off', async () => {
    const body = {
      code: 200,
      message: 'success',
      data: { taskId: 't', state: 'processing', createTime: 'soon' },
    };
    await expect(clientAnswering(body, false).getTask('t')).resolves.toMatchObject({ state: 'processing' });
    await expect(clientAnswering(body).getTask('t')).rejects.toThrow(/data\.createTime/);
  });

  it('rejects a body that is not JSON', async () => {
    const fetch = fakeFetch(
      () => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    );
    await expect(createWanClient({ apiKey, baseUrl, fetch }).getTask('t')).rejects.toBeInstanceOf(
      WanValidationError,
    );
  });

  it('sends nothing for an empty task id', async () => {
    const fetch = fakeFetch(() => envelope({}));
    await expect(createWanClient({ apiKey, baseUrl, fetch }).getTask('')).rejects.toThrow(/taskId/);
    expect(fetch.calls).toHaveLength(0);
  });
});
