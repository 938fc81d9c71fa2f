import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackSender } from './callbacks.ts';
import { createGateway } from './gateway.ts';
import { originOf } from './http.ts';
import { loadSpec } from './spec.ts';
import { TaskBook } from './tasks.ts';

export interface MockServerOptions {
  /** Port to listen on; `0` (the default) picks a free one. A port in use rejects the start. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Print one line per request (with the violations of a rejected one) and per failed callback; default `false`. */
  log?: boolean;
  /** Seconds from a submit to the task's outcome: `pending` for the first half, `processing` for the second; default 2. */
  taskSeconds?: number;
  /** Seconds between a callback delivery that did not get a 200 and the next; default 1 (the provider: about 30). */
  callbackRetrySeconds?: number;
  /**
   * PEM certificate(s) to trust for `callback_url` besides Node's own CAs, e.g. the self-signed certificate
   * of a test's loopback https receiver. (`NODE_EXTRA_CA_CERTS` works too.)
   */
  callbackCa?: string | Uint8Array;
}

export interface MockServer {
  /** The origin the mock answers on, e.g. `http://127.0.0.1:4010`; the API paths hang off it directly. */
  readonly url: string;
  /** Stops the mock (its server and callbacks) and resolves once the server has closed. Safe to call more than once. */
  close(): Promise<void>;
}

export const defaultTaskSeconds = 2;
export const defaultCallbackRetrySeconds = 1;

const video = new URL('../assets/video.mp4', import.meta.url);

/**
 * Starts the mock: an HTTP server on `host:port` in this process, with Prism (also in this process) on the
 * bundled spec checking each request. Resolves once it answers. Pair every call with `close()`.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const {
    port = 0,
    host = '127.0.0.1',
    log = false,
    taskSeconds = defaultTaskSeconds,
    callbackRetrySeconds = defaultCallbackRetrySeconds,
  } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`startMockServer: port must be an integer from 0 to 65535, got ${port}`);
  }
  if (host === '') throw new RangeError('startMockServer: host must be a non-empty host name or address');
  for (const [name, value] of Object.entries({ taskSeconds, callbackRetrySeconds })) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`startMockServer: ${name} must be a number of seconds, 0 or more, got ${value}`);
    }
  }

  const spec = loadSpec();
  // Prism takes a second or two to load: on the first start, not on import (`wan25-mock --help`, type imports).
  const { createPrism } = await import('./prism.ts');
  const prism = await createPrism(spec.forPrism);
  const say = log ? (line: string) => console.log(`wan25-mock: ${line}`) : undefined;
  const callbacks = new CallbackSender({
    retrySeconds: callbackRetrySeconds,
    ...(options.callbackCa === undefined
      ? {}
      : {
          ca: typeof options.callbackCa === 'string' ? options.callbackCa : Buffer.from(options.callbackCa),
        }),
    ...(say && {
      onRetry: (to, problem) => say(`callback to ${to} ${problem}; again in ${callbackRetrySeconds} s`),
    }),
  });
  let url = '';
  const server = createServer(
    createGateway({
      prism,
      spec,
      tasks: new TaskBook(taskSeconds),
      callbacks,
      video: readFileSync(video),
      origin: () => url,
      ...(say && { log: say }),
    }),
  );
  await listen(server, host, port);
  url = originOf(host, (server.address() as AddressInfo).port);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      callbacks.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    })();
    return closing;
  };
  return { url, close };
}

async function listen(server: Server, host: string, port: number): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(port, host, resolve);
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE') throw new Error(`startMockServer: port ${port} on ${host} is in use`);
    throw new Error(`startMockServer: cannot listen on ${host}:${port}: ${message}`);
  }
}
