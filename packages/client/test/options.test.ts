import { describe, expect, it, vi } from 'vitest';
import { createWanClient, WanValidationError } from '../src/index.ts';
import { apiKey, baseUrl, fakeFetch, processing } from './fake-fetch.ts';

describe('option checks', () => {
  it('names bad client options and their rules', () => {
    expect(() => createWanClient({ apiKey, maxRetries: -1, requestTimeoutMs: 0 })).toThrow(
      /maxRetries: must be a non-negative integer; requestTimeoutMs: must be a positive number/,
    );
  });

  it('refuses wait options that would poll in a tight loop, before any request', async () => {
    const fetch = fakeFetch(() => processing());
    const wan = createWanClient({ apiKey, baseUrl, fetch });
    await expect(wan.waitForTask('task_1', { pollIntervalMs: 0 })).rejects.toThrow(
      /pollIntervalMs: must be a positive number/,
    );
    await expect(wan.waitForTask('task_1', { resolution: '4k' as never })).rejects.toThrow(
      /resolution: must be one of 480p, 720p, 1080p/,
    );
    await expect(wan.waitForTask('task_1', { waitTimeoutMs: Number.NaN })).rejects.toBeInstanceOf(
      WanValidationError,
    );
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('per-call options and environment', () => {
  it('adds per-call headers to the client ones and overrides maxRetries for that call only', async () => {
    const fetch = fakeFetch(() => new Response('{"code":503}', { status: 503 }));
    const wan = createWanClient({ apiKey, baseUrl, fetch, headers: { 'X-Team': 'a' }, maxRetries: 0 });
    await expect(wan.getTask('task_1', { headers: { Prefer: 'code=503' } })).rejects.toMatchObject({
      status: 503,
    });
    expect(fetch.calls[0]?.headers.get('Prefer')).toBe('code=503');
    expect(fetch.calls[0]?.headers.get('X-Team')).toBe('a');
    await wan.getTask('task_1', { maxRetries: 1 }).catch(() => {});
    expect(fetch.calls).toHaveLength(3);
    expect(fetch.calls[2]?.headers.get('Prefer')).toBeNull();
  });

  it('refuses a bad per-call option before sending', async () => {
    const fetch = fakeFetch(() => processing());
    const wan = createWanClient({ apiKey, baseUrl, fetch });
    await expect(wan.getTask('task_1', { requestTimeoutMs: -1 })).rejects.toThrow(
      /requestTimeoutMs: must be a positive number/,
    );
    expect(fetch.calls).toHaveLength(0);
  });

  it('reads APIXO_BASE_URL, and names it when it is not a URL', async () => {
    const fetch = fakeFetch(() => processing());
    vi.stubEnv('APIXO_BASE_URL', 'http://127.0.0.1:4010/v1/');
    try {
      await createWanClient({ apiKey, fetch }).getTask('task_1');
      expect(fetch.calls[0]?.url.href).toBe(
        'http://127.0.0.1:4010/v1/statusTask/wan-2-5-video?taskId=task_1',
      );
      vi.stubEnv('APIXO_BASE_URL', 'localhost:4010');
      expect(() => createWanClient({ apiKey, fetch })).toThrow(/APIXO_BASE_URL: must be an http\(s\) URL/);
      expect(() => createWanClient({ apiKey, fetch, baseUrl: 'http://x.test' })).not.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
