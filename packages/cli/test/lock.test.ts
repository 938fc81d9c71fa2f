import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect } from './cli.ts';

const contender = fileURLToPath(new URL('./fixtures/hold-lock.ts', import.meta.url));

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-lock-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await collect(child);
  return child.pid ?? 0;
}

/** Starts `count` contenders, lets them race for the lock at one moment, and answers their exit codes and log. */
async function race(lockPath: string, count: number): Promise<{ codes: (number | null)[]; log: string[] }> {
  const go = join(folder, 'go');
  const log = join(folder, 'log');
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, [contender, lockPath, go, log], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const results = Promise.all(children.map(collect));
  // Once every contender polls for the go file, start them together.
  await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))));
  await writeFile(go, '');
  const finished = await results;
  for (const { status, stderr } of finished) expect([0, 3], stderr).toContain(status);
  const text = await readFile(log, 'utf8').catch(() => '');
  return { codes: finished.map(({ status }) => status), log: text.split('\n').filter(Boolean) };
}

/** Holds when no two contenders held the lock at once: the log alternates `in P`, `out P`. */
function expectOneHolderAtATime(log: readonly string[]): void {
  expect(log.length % 2).toBe(0);
  for (let index = 0; index < log.length; index += 2) {
    const [entered, left] = [log[index], log[index + 1]];
    expect(entered).toMatch(/^in \d+$/);
    expect(left).toBe(entered?.replace('in', 'out'));
  }
}

describe('the journal lock', { timeout: 180_000 }, () => {
  it('is held by one run at a time when six runs find the same stale lock at once', async () => {
    const lockPath = join(folder, 'prompts.journal.lock');
    for (let round = 0; round < 2; round++) {
      await rm(join(folder, 'go'), { force: true });
      await rm(join(folder, 'log'), { force: true });
      const stale = { pid: await deadPid(), host: hostname(), started: '1', nonce: `round${round}` };
      await writeFile(lockPath, JSON.stringify(stale));
      const { codes, log } = await race(lockPath, 6);
      expect(log.length).toBeGreaterThan(0);
      expectOneHolderAtATime(log);
      expect(codes.filter((code) => code === 0)).toHaveLength(log.length / 2);
      // Released, and no takeover or temporary file left behind.
      expect(await readdir(folder)).toEqual(['go', 'log']);
    }
  });

  it('takes over a lock of an earlier version (a bare pid) whose process is gone', async () => {
    const lockPath = join(folder, 'prompts.journal.lock');
    await writeFile(lockPath, `${await deadPid()}\n`);
    const { codes, log } = await race(lockPath, 1);
    expect(codes).toEqual([0]);
    expect(log).toHaveLength(2);
  });

  it('is never taken from a live run, nor from a run whose pid belongs to another process now', async () => {
    const lockPath = join(folder, 'prompts.journal.lock');
    // This test process is alive: its own lock, with its real start time, is respected...
    const stat = await readFile('/proc/self/stat', 'utf8').catch(() => undefined);
    const started = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    await writeFile(lockPath, JSON.stringify({ pid: process.pid, host: hostname(), started, nonce: 'live' }));
    const live = await race(lockPath, 4);
    expect(live.codes).toEqual([3, 3, 3, 3]);
    expect(live.log).toEqual([]);
    // ...while the same pid with another start time is a process that reused the pid: stale.
    if (started === undefined) return;
    await rm(join(folder, 'go'));
    await writeFile(
      lockPath,
      JSON.stringify({ pid: process.pid, host: hostname(), started: '1', nonce: 'old' }),
    );
    const reused = await race(lockPath, 1);
    expect(reused.codes).toEqual([0]);
  });
});
