import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractBaseUrl } from '@wan25/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastEvents, promptOf, readJournal, waitUntil, writeBatch } from './batch.ts';
import { runCli } from './cli.ts';
import { type CountingProxy, startProxy } from './servers.ts';
import { runInTerminal } from './terminal.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escape sequences is the point
const colorCode = /\x1b\[[0-9;]*m/;

let folder: string;
let proxy: CountingProxy;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-terminal-'));
});
afterEach(async () => {
  await proxy?.close();
  await rm(folder, { recursive: true, force: true });
});

/** The mock behind a proxy; status reads answer `processing` while `running` is true, whatever the task's clock says. */
async function mockWithRunningTasks(): Promise<{ url: string; finish(): void }> {
  let running = true;
  proxy = await startProxy(contractBaseUrl(), {
    headers: (request) => (request.method === 'GET' && running ? { Prefer: 'example=processing' } : {}),
  });
  return {
    url: proxy.url,
    finish: () => {
      running = false;
    },
  };
}

describe('wan25 in a terminal', { timeout: 180_000 }, () => {
  it('generate shows a live progress line, and Ctrl-C exits 130 saying how to resume', async () => {
    const mock = await mockWithRunningTasks();
    const terminal = runInTerminal(
      ['generate', 'a fox in the snow', '--resolution', '720p', '--base-url', mock.url],
      { NO_COLOR: '1' },
    );
    await waitUntil(
      () => /processing .*░.* 0:0[2-9] elapsed \(typical 1:00–3:00 for 720p\)/.test(terminal.screen),
      'the live line to tick past 0:02',
      () => terminal.screen,
    );
    // One line redrawn in place (cursor to column 1), not a new line per tick.
    expect(terminal.screen).toContain('\x1b[1G');
    expect(terminal.screen.match(/processing/g)?.length).toBeGreaterThan(1);
    expect(terminal.screen).not.toMatch(/\nprocessing, 0:0\d elapsed/);
    terminal.type('\x03');
    expect(await terminal.exited, terminal.screen).toBe(130);
    expect(terminal.screen).toContain('Interrupted (Ctrl-C)');
    expect(terminal.screen).toMatch(/Task (task_[0-9a-f]+) keeps running: `wan25 wait \1` picks it up\./);
  });

  it('uses colors on a terminal unless NO_COLOR is set', async () => {
    const colored = runInTerminal(['generate', 'a fox', '--base-url', contractBaseUrl()]);
    expect(await colored.exited, colored.screen).toBe(0);
    expect(colored.screen).toMatch(colorCode);
    const plain = runInTerminal(['generate', 'a fox', '--base-url', contractBaseUrl()], { NO_COLOR: '1' });
    expect(await plain.exited, plain.screen).toBe(0);
    expect(plain.screen).toContain('succeeded');
    expect(plain.screen).not.toMatch(colorCode);
  });

  it('batch shows live counts; Ctrl-C exits 130 with a consistent journal that the next run completes', async () => {
    const mock = await mockWithRunningTasks();
    const file = join(folder, 'prompts.jsonl');
    const journal = `${file}.journal`;
    await writeBatch(file, 8);
    const args = ['batch', file, '--concurrency', '4', '--base-url', mock.url];
    const terminal = runInTerminal(args, { NO_COLOR: '1' });
    await waitUntil(
      () => terminal.screen.includes('0/8 done · 4 running · 0 failed'),
      'four tasks running in the live line',
      () => terminal.screen,
    );
    terminal.type('\x03');
    expect(await terminal.exited, terminal.screen).toBe(130);
    expect(terminal.screen).toContain('still running: 4');
    expect(terminal.screen).toContain(
      `Interrupted (Ctrl-C): stopped. Journal ${journal} holds every step taken so far.`,
    );
    expect(terminal.screen).toContain(
      `Resume (waits for the running tasks, submits the rest): wan25 batch ${file}`,
    );

    // Every record is complete JSON; the four submitted lines have their task ids, nothing is in doubt.
    const records = await readJournal(journal);
    const events = lastEvents(records);
    expect([...events]).toEqual([1, 2, 3, 4].map((line) => [line, 'submitted']));
    expect(records.filter((record) => record.event === 'submitted').every((record) => record.taskId)).toBe(
      true,
    );

    mock.finish();
    const rerun = await runCli([...args, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout).succeeded).toHaveLength(8);
    for (let line = 1; line <= 8; line++) expect(proxy.forwardedSubmits().get(promptOf(line))).toBe(1);
  });
});
