import { createServer } from 'node:net';

/** The origin of an HTTP server on `host:port`, with IPv6 hosts in brackets. */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A port that was free a moment ago on `host`, picked by the operating system. */
export async function findFreePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') {
    throw new Error(`could not read a free port on ${host}`);
  }
  return address.port;
}

/** Polls `url` until it answers HTTP with any status (true) or `keepWaiting()` turns false (false). */
export async function waitForHttp(url: string, keepWaiting: () => boolean): Promise<boolean> {
  while (keepWaiting()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return false;
}
