import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkTaskInput, createWanClient, WanApiError, WanError, WanValidationError } from '../src/index.ts';
import { accepted, apiKey, baseUrl, errorBody, fakeFetch, networkError, textToVideo } from './fake-fetch.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createWanClient', () => {
  it('fails at creation without a key', () => {
    vi.stubEnv('APIXO_API_KEY', '');
    expect(() => createWanClient({ baseUrl })).toThrow(WanError);
    expect(() => createWanClient({ baseUrl })).toThrow(/APIXO_API_KEY/);
  });

  it('falls back to APIXO_API_KEY', async () => {
    vi.stubEnv('APIXO_API_KEY', 'sk-from-env');
    const fetch = fakeFetch(() => accepted());
    await createWanClient({ baseUrl, fetch }).submit(textToVideo);
    expect(fetch.calls[0]?.headers.get('Authorization')).toBe('Bearer sk-from-env');
  });

  it('sends extra headers on every request', async () => {
    const fetch = fakeFetch(() => accepted());
    await createWanClient({ apiKey, baseUrl, fetch, headers: { Prefer: 'example=pending' } }).submit(
      textToVideo,
    );
    expect(fetch.calls[0]?.headers.get('Prefer')).toBe('example=pending');
  });
});

describe('submit', () => {
  it('posts an async request and answers with the task id', async () => {
    const fetch = fakeFetch(() => accepted('task_42'));
    await expect(createWanClient({ apiKey, baseUrl, fetch }).submit(textToVideo)).resolves.toEqual({
      taskId: 'task_42',
    });
    const [call] = fetch.calls;
    expect(call?.method).toBe('POST');
    expect(call?.url.href).toBe(`${baseUrl}/generateTask/wan-2-5-video`);
    expect(call?.headers.get('Authorization')).toBe(`Bearer ${apiKey}`);
    expect(call?.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(call?.body ?? '')).toEqual({ request_type: 'async', input: textToVideo });
  });

  it('posts a callback request when given a callbackUrl', async () => {
    const fetch = fakeFetch(() => accepted());
    await createWanClient({ apiKey, baseUrl, fetch }).submit(textToVideo, {
      callbackUrl: 'https://example.com/hook',
    });
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      request_type: 'callback',
      callback_url: 'https://example.com/hook',
      input: textToVideo,
    });
  });

  it('sends nothing for invalid input and names each field and rule', async () => {
    const fetch = fakeFetch(() => accepted());
    const wan = createWanClient({ apiKey, baseUrl, fetch });
    const error = await wan
      .submit({ mode: 'text-to-video', prompt: 'clouds', resolution: '480p', aspect_ratio: '4:3' } as never, {
        callbackUrl: 'http://insecure.example.com/hook',
      })
      .catch((caught: unknown) => caught);
    expect(fetch.calls).toHaveLength(0);
    expect(error).toBeInstanceOf(WanValidationError);
    const { issues, message } = error as WanValidationError;
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['callback_url', 'input.aspect_ratio']),
    );
    expect(message).toMatch(/input\.aspect_ratio: must be one of 16:9, 9:16, 1:1 for 480p, not "4:3"/);
    expect(message).toMatch(/callback_url: must be an https URL/);
  });

  it('validates the body it sends: a key set to undefined is left out, as JSON leaves it out', async () => {
    const fetch = fakeFetch(() => accepted());
    const input = { mode: 'text-to-video', prompt: 'clouds', seed: undefined } as never;
    await createWanClient({ apiKey, baseUrl, fetch }).submit(input);
    expect(JSON.parse(fetch.calls[0]?.body ?? '')).toEqual({
      request_type: 'async',
      input: { mode: 'text-to-video', prompt: 'clouds' },
    });
  });

  it('rejects a number JSON cannot carry instead of sending it as null', async () => {
    const fetch = fakeFetch(() => accepted());
    const input = { mode: 'text-to-video', prompt: 'clouds', seed: Number.NaN } as never;
    const error = await createWanClient({ apiKey, baseUrl, fetch })
      .submit(input)
      .catch((caught: unknown) => caught);
    expect(fetch.calls).toHaveLength(0);
    expect((error as WanValidationError).message).toMatch(/input\.seed/);
  });

  it('reports a missing image for image-to-video', async () => {
    const fetch = fakeFetch(() => accepted());
    const error = await createWanClient({ apiKey, baseUrl, fetch })
      .submit({ mode: 'image-to-video' } as never)
      .catch((caught: unknown) => caught);
    expect(fetch.calls).toHaveLength(0);
    expect((error as WanValidationError).message).toMatch(/input\.image_urls: is required/);
  });

  it('sends invalid input as it is with validate: false', async () => {
    const fetch = fakeFetch(() => errorBody(400, 'The parameter {{aspect_ratio}} is invalid'));
    const error = await createWanClient({ apiKey, baseUrl, fetch, validate: false })
      .submit({ mode: 'text-to-video', prompt: 'x', resolution: '480p', aspect_ratio: '4:3' } as never)
      .catch((caught: unknown) => caught);
    expect(fetch.calls).toHaveLength(1);
    expect(error).toBeInstanceOf(WanApiError);
    expect((error as WanApiError).status).toBe(400);
  });

  it('turns a 401 into a WanApiError that never shows the key', async () => {
    const fetch = fakeFetch(() => errorBody(401, `Invalid API key ${apiKey}`));
    const error = (await createWanClient({ apiKey, baseUrl, fetch })
      .submit(textToVideo)
      .catch((caught: unknown) => caught)) as WanApiError;
    expect(error).toBeInstanceOf(WanApiError);
    expect(error).toMatchObject({ status: 401, apiCode: 401 });
    expect(error.message).toMatch(/HTTP 401: Invalid API key/);
    expect(error.message).not.toContain(apiKey);
    expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(JSON.stringify(error.body)).not.toContain(apiKey);
    expect(String(error.stack)).not.toContain(apiKey);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'WanApiError', status: 401 });
  });

  it('keeps the answer headers and the request id on a WanApiError', async () => {
    const fetch = fakeFetch(() => errorBody(402, 'No balance', { 'X-Request-Id': 'req_42' }));
    const error = (await createWanClient({ apiKey, baseUrl, fetch })
      .submit(textToVideo)
      .catch((caught: unknown) => caught)) as WanApiError;
    expect(error.requestId).toBe('req_42');
    expect(error.headers.get('content-type')).toMatch(/json/);
    const plain = (await createWanClient({ apiKey, baseUrl, fetch: fakeFetch(() => errorBody(402, 'x')) })
      .submit(textToVideo)
      .catch((caught: unknown) => caught)) as WanApiError;
    expect(plain.requestId).toBeUndefined();
  });

  it('keeps the key out of connection errors and their cause', async () => {
    const fetch = fakeFetch(() => new TypeError(`proxy refused Authorization: Bearer ${apiKey}`));
    const error = (await createWanClient({ apiKey, baseUrl, fetch, maxRetries: 0 })
      .submit(textToVideo)
      .catch((caught: unknown) => caught)) as Error;
    expect(error.message).not.toContain(apiKey);
    expect(String((error.cause as Error).message)).not.toContain(apiKey);
    expect(JSON.stringify(error)).not.toContain(apiKey);
  });

  it('names the system code of a connection error', async () => {
    const fetch = fakeFetch(() => networkError('ECONNRESET'));
    const error = await createWanClient({ apiKey, baseUrl, fetch })
      .submit(textToVideo)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/ECONNRESET/);
  });

  it('rejects a malformed submit answer', async () => {
    const fetch = fakeFetch(() => Response.json({ code: 200, message: 'success', data: {} }));
    await expect(createWanClient({ apiKey, baseUrl, fetch }).submit(textToVideo)).rejects.toThrow(
      /data\.taskId/,
    );
  });
});

describe('checkTaskInput', () => {
  it('names every problem like submit, and returns the JSON form frozen', () => {
    expect(() => checkTaskInput({ mode: 'text-to-video', prompt: '', duration: 7 } as never)).toThrow(
      WanValidationError,
    );
    try {
      checkTaskInput({ mode: 'text-to-video', prompt: '', duration: 7 } as never);
    } catch (error) {
      expect((error as WanValidationError).issues.map(({ path }) => path).sort()).toEqual([
        'input.duration',
        'input.prompt',
      ]);
    }
    const checked = checkTaskInput({ ...textToVideo, seed: undefined } as never);
    expect(checked).toEqual(textToVideo);
    expect(Object.isFrozen(checked)).toBe(true);
  });

  it('submit sends a checked input as it is, but still checks a callback URL given with it', async () => {
    const fetch = fakeFetch(() => accepted());
    const wan = createWanClient({ apiKey, baseUrl, fetch });
    const checked = checkTaskInput(textToVideo);
    await expect(wan.submit(checked)).resolves.toEqual({ taskId: 'task_1' });
    await expect(wan.submit(checked, { callbackUrl: 'http://not-https.test/hook' })).rejects.toThrow(
      /callback_url/,
    );
    expect(fetch.calls).toHaveLength(1);
  });
});
