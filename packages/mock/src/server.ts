import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort, originOf, waitForHttp } from './http.ts';
import { spawnPrism } from './prism.ts';

export interface MockServerOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** Forward Prism's request log (including why a request was rejected) to stdout; default `false`. */
  log?: boolean;
}

export interface MockServer {
  /** The origin the mock answers on, e.g. `http://127.0.0.1:4010`; the API paths hang off it directly. */
  readonly url: string;
  /** The Prism process id; on POSIX it leads its own process group. */
  readonly pid: number;
  /** Stops Prism and resolves once its process has exited. Safe to call more than once. */
  close(): Promise<void>;
}

const startupTimeoutMs = 30_000;
const killTimeoutMs = 5_000;
const portRaceAttempts = 3;

/**
 * Starts Prism on the bundled Wan 2.5 spec and resolves once it answers HTTP (any status).
 * Pair every call with `close()`; should this process exit first, in any way, Prism exits with it.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', log = false } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`startMockServer: port must be an integer from 0 to 65535, got ${port}`);
  }
  if (host === '') throw new RangeError('startMockServer: host must be a non-empty host name or address');

  for (let attempt = 1; ; attempt++) {
    const chosenPort = port === 0 ? await findFreePort(host) : port;
    try {
      return await startPrism(host, chosenPort, log);
    } catch (error) {
      // Another process may take the port between findFreePort() and Prism's listen(): pick again.
      const mayBePortRace = port === 0 && error instanceof PrismExitedError;
      if (!mayBePortRace || attempt === portRaceAttempts) throw error;
    }
  }
}

class PrismExitedError extends Error {}

async function startPrism(host: string, port: number, log: boolean): Promise<MockServer> {
  const child = spawnPrism({ host, port, log });
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
  const close = () => stop(child, exited);

  const url = originOf(host, port);
  const deadline = Date.now() + startupTimeoutMs;
  if (await waitForHttp(url, () => isRunning(child) && Date.now() < deadline)) return { url, pid, close };
  if (!isRunning(child)) {
    const status = child.exitCode ?? child.signalCode;
    throw new PrismExitedError(
      `startMockServer: Prism exited (${status}) before answering on ${url}\n${stderr}`,
    );
  }
  await close();
  throw new Error(`startMockServer: Prism did not answer on ${url} within ${startupTimeoutMs} ms\n${stderr}`);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
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
