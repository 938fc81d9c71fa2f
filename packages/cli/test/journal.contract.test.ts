import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractBaseUrl } from '@wan25/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashLine } from '../src/batch/lines.ts';
import { lastEvents, promptOf, readJournal, waitUntil, writeBatch } from './batch.ts';
import { binPath, collect, runCli, startCli, testApiKey } from './cli.ts';
import { type CountingProxy, startCountingServer, startProxy, type TestServer } from './servers.ts';

const failWrites = fileURLToPath(new URL('./fixtures/fail-writes.ts', import.meta.url));
/** A stack trace line: a user-facing error never shows one. */
const stackLine = /\n\s+at /;

let folder: string;
let server: CountingProxy | TestServer | undefined;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-journal-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

async function proxyToMock(): Promise<CountingProxy> {
  const proxy = await startProxy(contractBaseUrl());
  server = proxy;
  return proxy;
}

describe('the journal when the disk fails', { timeout: 180_000 }, () => {
  // With one worker the journal's writes come in a fixed order: line 1's intent, submitted and succeeded
  // records are writes 1-3, line 2's intent is write 4, its submitted record write 5, its outcome write 6.
  it.each([
    { write: 4, code: 'ENOSPC', cut: 'the intent of line 2: it is never sent', unknown: [] },
    { write: 5, code: 'ENOSPC', cut: 'the task id of line 2: it is never resent', unknown: [2] },
    { write: 6, code: 'EIO', cut: 'the outcome of line 2: the rerun waits for it', unknown: [] },
  ])(
    'a write cut short at $write ($code, $cut): exit 4, a clear message, and the rerun pays for no line twice',
    async ({ write, code, unknown }) => {
      const proxy = await proxyToMock();
      const file = join(folder, 'prompts.jsonl');
      const journal = join(folder, 'prompts.journal');
      await writeBatch(file, 5);
      const args = ['batch', file, '--journal', journal, '--concurrency', '1', '--base-url', proxy.url];

      const first = await runCli([...args, '--json'], {
        preload: failWrites,
        env: { FAIL_WRITES_PATH: journal, FAIL_WRITES_AT: String(write), FAIL_WRITES_CODE: code },
      });
      expect(first.status, first.stderr).toBe(4);
      const words = code === 'EIO' ? 'input/output error (EIO)' : 'no space left on the device (ENOSPC)';
      expect(first.stderr).toContain(`Cannot write the journal ${journal}: ${words}`);
      expect(first.stderr).not.toMatch(stackLine);
      expect(first.stderr).not.toContain('bug in wan25');
      const summary = JSON.parse(first.stdout);
      expect(summary.stopped).toEqual({ by: 'journal', message: expect.stringContaining(words) });
      if (unknown.length > 0) {
        expect(first.stderr).toMatch(
          /line 2: task task_[0-9a-f]+ was created, but the journal could not record it/,
        );
      }
      // What is on disk is whole records only: the cut one was taken back.
      const records = await readJournal(journal);
      expect(records.length).toBe(write - 1);

      // Space is back: the same command finishes the batch and sends no line twice.
      const second = await runCli([...args, '--json']);
      expect(second.status, second.stderr).toBe(unknown.length > 0 ? 3 : 0);
      const final = JSON.parse(second.stdout);
      expect(final.unknown).toEqual(unknown);
      expect(final.succeeded).toHaveLength(5 - unknown.length);
      const submits = proxy.forwardedSubmits();
      for (let line = 1; line <= 5; line++) expect(submits.get(promptOf(line)), `line ${line}`).toBe(1);
    },
  );

  it('a journal that cannot be created is a file error (exit 4) before anything is sent', async () => {
    const counting = await startCountingServer();
    server = counting;
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 1);
    const journal = join(folder, 'missing', 'j.jsonl');
    const result = await runCli(['batch', file, '--journal', journal, '--base-url', counting.url, '--json']);
    expect(result.status).toBe(4);
    expect(result.stderr).toContain(
      `Cannot create the lock ${journal}.lock: no such file or folder (ENOENT)`,
    );
    expect(result.stderr).not.toMatch(stackLine);
    expect(JSON.parse(result.stdout).error).toMatchObject({ name: 'FileError', code: 'ENOENT', exitCode: 4 });
    expect(counting.count).toBe(0);
  });
});

describe('wan25 batch output and signals', { timeout: 180_000 }, () => {
  it('writes every byte of a 100 kB --json summary into a pipe whose reader starts late', async () => {
    const counting = await startCountingServer();
    server = counting;
    // A finished batch of 300 lines: the rerun sends nothing and prints the whole summary.
    const file = join(folder, 'prompts.jsonl');
    const lines = Array.from({ length: 300 }, (_, index) => JSON.stringify({ prompt: promptOf(index + 1) }));
    await writeFile(file, `${lines.join('\n')}\n`);
    const at = new Date().toISOString();
    const url = `https://file.apixo.ai/${'v'.repeat(300)}.mp4`;
    const records = lines.flatMap((raw, index) => {
      const line = index + 1;
      const taskId = `task_${line}`;
      const hash = hashLine(raw);
      return [
        { event: 'intent', line, hash, at },
        { event: 'submitted', line, hash, taskId, at },
        { event: 'succeeded', line, taskId, resultUrls: [url], at },
      ].map((record) => JSON.stringify(record));
    });
    await writeFile(`${file}.journal`, `${records.join('\n')}\n`);

    const whole = await runCli(['batch', file, '--json', '--base-url', counting.url]);
    expect(whole.status, whole.stderr).toBe(0);
    const size = Buffer.byteLength(whole.stdout);
    expect(size).toBeGreaterThan(100_000);
    // The reader starts a second after the summary was printed on stderr: by then wan25 has written all of
    // stdout, of which a pipe holds only 64 kB, and would be exiting.
    const stderr = join(folder, 'stderr');
    const piped = spawn(
      'sh',
      [
        '-c',
        '"$0" "$1" batch "$2" --json --base-url "$3" 2>"$4" | (until grep -q "estimated cost" "$4"; do sleep 0.05; done; sleep 1; wc -c)',
        process.execPath,
        binPath,
        file,
        counting.url,
        stderr,
      ],
      { env: { ...process.env, APIXO_API_KEY: testApiKey } },
    );
    const { stdout } = await collect(piped);
    expect(Number(stdout.trim())).toBe(size);
    expect(counting.count).toBe(0);
  });

  it('SIGTERM stops like Ctrl-C: the summary says so, the journal is whole, and the printed command resumes', async () => {
    let running = true;
    const proxy = await startProxy(contractBaseUrl(), {
      headers: (request) => (request.method === 'GET' && running ? { Prefer: 'example=processing' } : {}),
    });
    server = proxy;
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 4);
    const child = startCli(['batch', file, '--concurrency', '2', '--base-url', proxy.url, '--json']);
    const result = collect(child);
    await waitUntil(
      async () => [...lastEvents(await readJournal(`${file}.journal`)).values()].length === 2,
      'two lines submitted',
    );
    await waitUntil(
      () => proxy.requests.filter((request) => request.method === 'GET').length >= 2,
      'both tasks polled',
    );
    child.kill('SIGTERM');
    const { status, stdout, stderr } = await result;
    expect(status, stderr).toBe(143);
    expect(stderr).toContain(
      `Terminated (SIGTERM): stopped. Journal ${file}.journal holds every step taken so far.`,
    );
    const resume = `wan25 batch ${file} --concurrency 2 --json --base-url ${proxy.url}`;
    expect(stderr).toContain(`Resume (waits for the running tasks, submits the rest): ${resume}`);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ stopped: { by: 'SIGTERM' }, resume });
    expect(summary.running.map(({ line }: { line: number }) => line)).toEqual([1, 2]);
    expect(summary.notSubmitted.map(({ line }: { line: number }) => line)).toEqual([3, 4]);

    running = false;
    const resumed = await runCli(resume.split(' ').slice(1));
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).succeeded).toHaveLength(4);
    for (let line = 1; line <= 4; line++) expect(proxy.forwardedSubmits().get(promptOf(line))).toBe(1);
  });

  it('--resubmit-unknown shows the real count and cost to submit before it submits', async () => {
    const proxy = await proxyToMock();
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 3);
    // Lines 1 (480p) and 2 (720p) were being submitted when an earlier run died.
    const raw = (await readFile(file, 'utf8')).split('\n');
    const at = new Date().toISOString();
    const intents = [1, 2].map((line) =>
      JSON.stringify({ event: 'intent', line, hash: hashLine(raw[line - 1] ?? ''), at }),
    );
    await writeFile(`${file}.journal`, `${intents.join('\n')}\n`);

    const plain = await runCli(['batch', file, '--base-url', proxy.url]);
    expect(plain.status, plain.stderr).toBe(3);
    expect(plain.stderr).toContain('3 lines: 0 done, 0 running, 1 to submit (estimated 0.25 USD)');
    const result = await runCli(['batch', file, '--base-url', proxy.url, '--resubmit-unknown']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      '3 lines: 1 done, 0 running, 2 to submit (estimated 0.75 USD, 2 of them possibly already paid for)',
    );
  });
});
