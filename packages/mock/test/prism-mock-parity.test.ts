// What the mock answers as `prism mock` does, beyond what the contract tests check: a real API answers
// these its own way, so they run against a mock of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../src/index.ts';

const auth = { Authorization: 'Bearer any-key' };
const status = '/statusTask/wan-2-5-video?taskId=task_12345678';

describe('the mock, as prism mock answers', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  }, 60_000);
  afterAll(() => mock?.close());

  it("answers a browser's CORS preflight, and admits the page's origin on every answer", async () => {
    const origin = 'http://app.example';
    const preflight = await fetch(`${mock.url}/generateTask/wan-2-5-video`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');

    for (const path of [status, '/files/task_1/video.mp4']) {
      const response = await fetch(`${mock.url}${path}`, { headers: { ...auth, Origin: origin } });
      await response.body?.cancel();
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    }
  });

  it('takes the preferences from __code and __example query parameters when there is no Prefer header', async () => {
    const refused = await fetch(`${mock.url}${status}&__code=429`, { headers: auth });
    expect(refused.status).toBe(429);
    const pending = await fetch(`${mock.url}${status}&__example=pending`, { headers: auth });
    expect((await pending.json()).data.state).toBe('pending');
  });

  it.each([
    ['code=soon', 'code must be a three-digit HTTP status, got "soon"'],
    ['dynamic=maybe', 'dynamic must be true or false, got "maybe"'],
  ])('answers Prefer: %s with 422 naming the preference', async (prefer, detail) => {
    const response = await fetch(`${mock.url}${status}`, { headers: { ...auth, Prefer: prefer } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 422, detail: `Prefer: ${detail}` });
  });

  it('answers a path the spec does not have with a 404 problem', async () => {
    const response = await fetch(`${mock.url}/generateTask/wan-9`, { method: 'POST', headers: auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: expect.stringContaining('NO_PATH_MATCHED') });
  });
});
