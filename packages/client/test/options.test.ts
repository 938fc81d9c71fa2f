import { describe, expect, it } from 'vitest';
import { createWanClient, WanValidationError } from '../src/index.ts';
import { apiKey, baseUrl, fakeFetch, processing } from './fake-fetch.ts';

describe('option checks', () => {
  it('names bad client options and their rules', () => {
    expect(() => createWanClient({ apiKey, maxRetries: -1, timeoutMs: 0 })).toThrow(
      /maxRetries: must be a non-negative integer; timeoutMs: must be a positive number/,
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
    await expect(wan.waitForTask('task_1', { timeoutMs: Number.NaN })).rejects.toBeInstanceOf(
      WanValidationError,
    );
    expect(fetch.calls).toHaveLength(0);
  });
});
