import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@wan25/test-utils';

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's `redis-tools` ships the Redis server as `redis-check-rdb`, which serves when started under the
 * name `redis-server`; the `redis-server` package would also start a system service on 6379 that a test
 * cannot own. `.ci/run` installs `redis-tools`.
 */
const redisBinary = '/usr/bin/redis-check-rdb';

/** Starts a throwaway Redis on a free loopback port, without persistence, and waits until it answers. */
export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wan25-redis-'));
  const binary = join(dir, 'redis-server');
  symlinkSync(redisBinary, binary);
  const port = await freePort();
  const server: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await answersPing(port, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop };
}

/** Polls with `PING` until the server answers `+PONG`, for up to 10 s. */
async function answersPing(port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.setEncoding('utf8').once('data', (data: string) => {
        socket.destroy();
        resolve(data.startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    });
    if (pong) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within 10 s`);
}
