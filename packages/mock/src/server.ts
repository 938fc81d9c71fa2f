import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackSender } from './callbacks.ts';
import { createGateway } from './gateway.ts';
import { findFreePort, originOf, waitForHttp } from './http.ts';
import { spawnPrism } from './prism.ts';
import { PrismClient } from './prism-client.ts';
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
  /** The process id of Prism, which validates each request; on POSIX it leads its own process group. */
  readonly pid: number;
  /** Stops the mock (server, callbacks, Prism) and resolves once Prism's process has exited. Safe to call more than once. */
  close(): Promise<void>;
}

export const defaultTaskSeconds = 2;
export const defaultCallbackRetrySeconds = 1;

const startupTimeoutMs = 60_000;
const killTimeoutMs = 5_000;
const portRaceAttempts = 3;
const video = new URL('../assets/video.mp4', import.meta.url);

/**
 * Starts the mock: an HTTP server on `host:port` in this process, in front of Prism on the bundled spec
 * (in a child process on a free loopback port). Resolves once both answer. Pair every call with `close()`;
 * should this process exit first, in any way, Prism exits with it.
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

  // Listen first, so that a port in use fails the start at once; requests wait until Prism answers.
  let ready: (handle: RequestListener) => void = () => {};
  const handler = new Promise<RequestListener>((resolve) => {
    ready = resolve;
  });
  const server = createServer((request, response) => {
    void handler.then((handle) => handle(request, response));
  });
  await listen(server, host, port);
  const url = originOf(host, (server.address() as AddressInfo).port);
  const say = log ? (line: string) => console.log(`wan25-mock: ${line}`) : undefined;
  let prism: RunningPrism;
  const spec = loadSpec();
  try {
    prism = await startPrism(spec.forPrism);
  } catch (error) {
    server.closeAllConnections();
    server.close();
    throw error;
  }
  const prismClient = new PrismClient(prism.url);
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
  const gateway = createGateway({
    prism: prismClient,
    spec,
    tasks: new TaskBook(taskSeconds),
    callbacks,
    video: readFileSync(video),
    origin: () => url,
    ...(say && { log: say }),
  });
  ready(gateway);

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      callbacks.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      prismClient.close();
      await prism.stop();
    })();
    return closing;
  };
  return { url, pid: prism.pid, close };
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

interface RunningPrism {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts Prism on a free loopback port and resolves once it answers HTTP (any status). */
async function startPrism(spec: string): Promise<RunningPrism> {
  const host = '127.0.0.1';
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrismOn(spec, host, await findFreePort(host));
    } catch (error) {
      // Another process may take the port between findFreePort() and Prism's listen(): pick again.
      if (!(error instanceof PrismExitedError) || attempt === portRaceAttempts) throw error;
    }
  }
}

class PrismExitedError extends Error {}

async function startPrismOn(spec: string, host: string, port: number): Promise<RunningPrism> {
  const child = spawnPrism({ spec, host, port });
  try {
    await once(child, 'spawn');
  } catch (error) {
    throw new Error(`startMockServer: could not start Prism: ${(error as Error).message}`);
  }
  const pid = child.pid as number;

  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const exited = once(child, 'exit');
  const stop = () => stopPrism(child, exited);

  const url = originOf(host, port);
  const deadline = Date.now() + startupTimeoutMs;
  if (await waitForHttp(url, () => isRunning(child) && Date.now() < deadline)) return { url, pid, stop };
  if (!isRunning(child)) {
    const status = child.exitCode ?? child.signalCode;
    throw new PrismExitedError(
      `startMockServer: Prism exited (${status}) before answering on ${url}\n${stderr}`,
    );
  }
  await stop();
  throw new Error(`startMockServer: Prism did not answer on ${url} within ${startupTimeoutMs} ms\n${stderr}`);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopPrism(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (isRunning(child)) {
    signalGroup(child, 'SIGTERM');
    const escalate = setTimeout(() => signalGroup(child, 'SIGKILL'), killTimeoutMs);
    await exited;
    clearTimeout(escalate);
  }
  // Whatever Prism may have forked shares its process group.
  signalGroup(child, 'SIGKILL');
}

/** Signals Prism's whole process group (POSIX), or Prism itself where there are no groups (Windows). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    child.kill(signal);
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
