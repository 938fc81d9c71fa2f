import { once } from 'node:events';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MockServer, startMockServer } from '../src/index.ts';

const startup = { timeout: 120_000 };
const auth = { Authorization: 'Bearer any-key' };

describe('startMockServer', () => {
  let server: MockServer | undefined;
  afterEach(() => server?.close());

  it(
    'picks a free port, answers as soon as it resolves, and stops answering after close()',
    startup,
    async () => {
      server = await startMockServer({ port: 0 });
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${server.url}/statusTask/wan-2-5-video?taskId=t`, { headers: auth });
      expect(response.status).toBe(200);

      await server.close();
      await expect(fetch(server.url)).rejects.toThrow();
      await server.close();
    },
  );

  it('rejects a port in use, naming it', startup, async () => {
    const occupant = createServer().listen(0, '127.0.0.1');
    await once(occupant, 'listening');
    const { port } = occupant.address() as { port: number };
    try {
      await expect(startMockServer({ port })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      occupant.close();
    }
  });

  it('logs nothing while it starts', startup, async () => {
    const lines: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args) => void lines.push(args)),
    );
    try {
      server = await startMockServer({ log: true });
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines).toEqual([]);
  });

  it.each([
    [{ port: -1 }, /port must be an integer from 0 to 65535, got -1/],
    [{ port: 1.5 }, /port must be an integer from 0 to 65535, got 1.5/],
    [{ port: 65_536 }, /port must be an integer from 0 to 65535, got 65536/],
    [{ host: '' }, /host must be a non-empty/],
    [{ taskSeconds: -1 }, /taskSeconds must be a number of seconds, 0 or more, got -1/],
    [
      { callbackRetrySeconds: Number.NaN },
      /callbackRetrySeconds must be a number of seconds, 0 or more, got NaN/,
    ],
  ])('rejects %o naming the option', async (options, message) => {
    await expect(startMockServer(options)).rejects.toThrow(message);
  });
});
