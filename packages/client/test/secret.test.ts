import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createWanClient, WanConnectionError, WanError, WanValidationError } from '../src/index.ts';
import { createRedactor } from '../src/secret.ts';
import { baseUrl, errorBody, fakeFetch } from './fake-fetch.ts';

describe('the API key in errors', () => {
  it('refuses, before sending, a key that cannot be sent in a header, without quoting it', () => {
    for (const apiKey of [
      'sk-line\nbreak-0123456789',
      'sk-tab\tkey-0123456789',
      'sk-ключ-0123456789',
      'sk has space',
    ]) {
      const error = (() => {
        try {
          createWanClient({ apiKey, baseUrl });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(WanValidationError);
      expect(error).toBeInstanceOf(WanError);
      const texts = [String((error as Error).message), inspect(error), JSON.stringify(error)];
      for (const text of texts) expect(text).not.toContain(apiKey.slice(0, 8));
      expect((error as WanValidationError).issues[0]?.path).toBe('apiKey');
    }
  });

  it('masks a key nested in the causes and properties of a custom fetch error', async () => {
    const apiKey = 'sk-live-Nested0123456789abcdef';
    const inner = Object.assign(new Error(`proxy refused Bearer ${apiKey}`), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: `Bearer ${apiKey}` } },
    });
    const fetch = fakeFetch(
      () => new TypeError('fetch failed', { cause: new Error('wrapped', { cause: inner }) }),
    );
    const error = await createWanClient({ apiKey, baseUrl, fetch, maxRetries: 0 })
      .getTask('task_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanConnectionError);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    const texts = [inspect(error, { depth: 20 }), JSON.stringify(error), String((error as Error).stack)];
    for (let cause = (error as Error).cause; cause instanceof Error; cause = cause.cause) {
      texts.push(cause.message, String(cause.stack), inspect(cause, { depth: 20 }));
    }
    for (const text of texts) expect(text).not.toContain(apiKey);
    expect(inspect(error, { depth: 20 })).toContain('[redacted]');
  });

  it('never garbles ordinary text with a short key: one-letter keys are masked only as "Bearer <key>"', async () => {
    const fetch = fakeFetch(() => errorBody(401, 'Reading task failed for Bearer a'));
    const error = (await createWanClient({ apiKey: 'a', baseUrl, fetch })
      .getTask('task_1')
      .catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      'Reading task task_1 failed with HTTP 401: Reading task failed for Bearer [redacted]',
    );
  });

  it('masks the JSON-escaped and URL-encoded forms of a key with quotes and backslashes', () => {
    const key = 'sk-"q"\\b\\-0123456789';
    const redact = createRedactor(key);
    const escaped = JSON.stringify(key).slice(1, -1);
    expect(redact(`{"message":"bad ${escaped}"}`)).toBe('{"message":"bad [redacted]"}');
    expect(redact(`key=${encodeURIComponent(key)}&x=1`)).toBe('key=[redacted]&x=1');
    expect(redact({ nested: [`Bearer ${key}`] })).toEqual({ nested: ['Bearer [redacted]'] });
    expect(redact('nothing secret here')).toBe('nothing secret here');
  });
});
