import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractBaseUrl } from '@wan25/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastEvents, promptOf, readJournal, waitUntil, writeBatch } from './batch.ts';
import { collect, runCli, startCli } from './cli.ts';
import { type CountingProxy, type ProxyRules, startProxy } from './servers.ts';

let folder: string;
let proxy: CountingProxy;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-batch-'));
});
afterEach(async () => {
  await proxy?.close();
  await rm(folder, { recursive: true, force: true });
});

const failing = new Set([3, 7, 12]);
const lineOf = (prompt: string | undefined) => Number(/^batch line (\d+):/.exec(prompt ?? '')?.[1]);

/**
 * Submits of the failing lines ask the mock for a task that fails; status reads of the lines that
 * `running` picks answer `processing` whatever the task's clock says.
 */
function statusRules(running: (line: number) => boolean): NonNullable<ProxyRules['headers']> {
  return (request) => {
    const line = lineOf(request.prompt);
    if (request.method === 'POST') {
      return failing.has(line) ? { Prefer: 'example=failedContentViolation' } : {};
    }
    return running(line) ? { Prefer: 'example=processing' } : {};
  };
}

describe('wan25 batch', { timeout: 180_000 }, () => {
  it('resumes after SIGKILL without submitting any line twice, and resends unknown lines only when asked', async () => {
    const file = join(folder, 'prompts.jsonl');
    const journal = join(folder, 'prompts.journal');
    await writeBatch(file, 50);
    // Run 1: lines 21-24 stay processing (4 workers wait on them), submits of lines 26+ hang unanswered
    // and unforwarded (4 more workers stuck in them), everything else finishes.
    proxy = await startProxy(contractBaseUrl(), {
      headers: statusRules((line) => line >= 21 && line <= 24),
      holdSubmit: (request) => lineOf(request.prompt) >= 26,
    });
    const args = [
      'batch',
      file,
      '--journal',
      journal,
      '--concurrency',
      '8',
      '--base-url',
      proxy.url,
      '--json',
    ];
    const first = startCli(args);
    const firstRun = collect(first);
    let firstOutput = '';
    first.stderr?.on('data', (chunk: Buffer) => {
      firstOutput += chunk.toString();
    });
    const held = () =>
      proxy.requests.filter((request) => request.method === 'POST' && request.status === undefined);
    await waitUntil(
      async () => {
        const events = [...lastEvents(await readJournal(journal)).values()];
        const finished = events.filter((event) => event === 'succeeded' || event === 'failed').length;
        return finished === 21 && held().length === 4;
      },
      'run 1 to reach its midpoint',
      () => firstOutput,
    );
    first.kill('SIGKILL');
    expect((await firstRun).signal).toBe('SIGKILL');

    const afterKill = lastEvents(await readJournal(journal));
    expect([...afterKill].filter(([, event]) => event === 'submitted').map(([line]) => line)).toEqual([
      21, 22, 23, 24,
    ]);
    expect([...afterKill].filter(([, event]) => event === 'intent').map(([line]) => line)).toEqual([
      26, 27, 28, 29,
    ]);
    expect(afterKill.size).toBe(29);

    // Run 2, the same command: waits for 21-24, submits 30-50, leaves 26-29 alone (they might exist).
    proxy.setRules({ headers: statusRules(() => false) });
    const second = await runCli(args);
    expect(second.status, second.stderr).toBe(3);
    const summary = JSON.parse(second.stdout);
    expect(summary.unknown).toEqual([26, 27, 28, 29]);
    expect(summary.succeeded).toHaveLength(50 - 4 - failing.size);
    expect(second.stderr).toContain('4 lines may have been submitted by an earlier run');
    expect(second.stderr).toContain('--resubmit-unknown');

    // Run 3, with explicit consent: the held submits never reached the mock, so resending is right here.
    const third = await runCli([...args, '--resubmit-unknown']);
    expect(third.status, third.stderr).toBe(1);
    const final = JSON.parse(third.stdout);
    expect(final.submittedThisRun).toBe(4);
    expect(final.succeeded).toHaveLength(50 - failing.size);
    expect(final.failed).toEqual(
      [...failing].map((line) => expect.objectContaining({ line, failCode: 'CONTENT_VIOLATION' })),
    );
    expect(final.unknown).toEqual([]);
    // 480p lines cost 0.25 USD, 720p lines 0.50 USD; the failing lines 3, 7 (480p) and 12 (720p) are excluded.
    expect(final.estimatedCost).toEqual({ succeededUsd: 25 * 0.25 + 25 * 0.5 - 1, submittedUsd: 18.75 });
    expect(third.stderr).toContain('failed: 3 (CONTENT_VIOLATION ×3)');

    // Every line reached the mock exactly once, and each task id belongs to one line.
    const submits = proxy.forwardedSubmits();
    expect(submits.size).toBe(50);
    for (let line = 1; line <= 50; line++) expect(submits.get(promptOf(line)), `line ${line}`).toBe(1);
    const records = await readJournal(journal);
    const taskIds = records.filter((record) => record.event === 'submitted').map((record) => record.taskId);
    expect(new Set(taskIds).size).toBe(50);
    expect(taskIds).toHaveLength(50);

    // A fourth run has nothing left to do and sends nothing.
    const before = proxy.requests.length;
    const fourth = await runCli(args);
    expect(fourth.status).toBe(1);
    expect(proxy.requests.length).toBe(before);
  });

  it('backs off together on 429: after one worker is told to wait, no worker submits before Retry-After', async () => {
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 6);
    let refused = false;
    proxy = await startProxy(contractBaseUrl(), {
      // Line 1's first submit gets 429 with Retry-After: 3. Lines 2 and 3, sent at the same moment, are
      // answered 1 s later, so their workers take lines 4 and 5 while the 429 is in force.
      refuseSubmit: (request) => {
        if (lineOf(request.prompt) !== 1 || refused) return undefined;
        refused = true;
        return { status: 429, headers: { 'Retry-After': '3' } };
      },
      delaySubmit: (request) => ([2, 3].includes(lineOf(request.prompt)) ? 1000 : 0),
    });
    const result = await runCli(['batch', file, '--concurrency', '3', '--base-url', proxy.url, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).succeeded).toHaveLength(6);
    const posts = proxy.requests.filter((request) => request.method === 'POST');
    const refusal = posts.find((request) => request.status === 429);
    expect(refusal).toBeDefined();
    const after = posts.filter((request) => ![2, 3].includes(lineOf(request.prompt)) && request !== refusal);
    expect(after.map((request) => lineOf(request.prompt)).sort()).toEqual([1, 4, 5, 6]);
    for (const request of after) expect(request.at - (refusal?.at ?? 0)).toBeGreaterThanOrEqual(2900);
    expect([...proxy.forwardedSubmits().values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('under sustained 429 ends with every line done or still to submit, none unknown', async () => {
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 6);
    // Every submit is refused with a wait longer than a request's deadline.
    proxy = await startProxy(contractBaseUrl(), {
      refuseSubmit: () => ({ status: 429, headers: { 'Retry-After': '120' } }),
    });
    const started = Date.now();
    const result = await runCli(['batch', file, '--concurrency', '3', '--base-url', proxy.url, '--json']);
    expect(result.status, result.stderr).toBe(3);
    const summary = JSON.parse(result.stdout);
    expect(summary.unknown).toEqual([]);
    expect(summary.notSubmitted.map(({ line }: { line: number }) => line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(proxy.forwardedSubmits().size).toBe(0);
    const events = [...lastEvents(await readJournal(`${file}.journal`)).values()];
    expect(events.every((event) => event === 'rejected')).toBe(true);
    // Told to come back in two minutes, it stops rather than sleeping through a request's deadline.
    expect(Date.now() - started).toBeLessThan(50_000);

    // The rate limit is over: the same command submits every line, once.
    proxy.setRules({});
    const rerun = await runCli(['batch', file, '--concurrency', '3', '--base-url', proxy.url, '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout).succeeded).toHaveLength(6);
    expect([...proxy.forwardedSubmits().values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('downloads results with --out-dir and records them in the journal', async () => {
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 3);
    proxy = await startProxy(contractBaseUrl());
    const outDir = join(folder, 'videos');
    // The mock serves a real MP4 at each result URL.
    const result = await runCli(['batch', file, '--out-dir', outDir, '--base-url', proxy.url]);
    expect(result.status, result.stderr).toBe(0);
    expect((await readdir(outDir)).sort()).toEqual(['line-0001.mp4', 'line-0002.mp4', 'line-0003.mp4']);
    expect((await readFile(join(outDir, 'line-0002.mp4'))).subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    const records = await readJournal(`${file}.journal`);
    expect(records.filter((record) => record.event === 'downloaded')).toHaveLength(3);
  });

  it('refuses a journal written for a different file, before sending anything', async () => {
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 3);
    proxy = await startProxy(contractBaseUrl());
    expect((await runCli(['batch', file, '--base-url', proxy.url])).status).toBe(0);
    const sent = proxy.requests.length;
    await writeFile(file, (await readFile(file, 'utf8')).replace('batch line 2', 'an edited line 2'));
    const result = await runCli(['batch', file, '--base-url', proxy.url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Line 2 of the batch file differs from the one journal');
    expect(proxy.requests.length).toBe(sent);
  });

  it('drops a record cut short by a crash mid-write, and resumes from the complete ones', async () => {
    const file = join(folder, 'prompts.jsonl');
    await writeBatch(file, 2);
    proxy = await startProxy(contractBaseUrl());
    expect((await runCli(['batch', file, '--base-url', proxy.url])).status).toBe(0);
    const journal = `${file}.journal`;
    const complete = (await readFile(journal, 'utf8'))
      .split('\n')
      .filter((line) => /"event":"(intent|submitted)"/.test(line));
    await writeFile(journal, `${complete.join('\n')}\n{"event":"succeeded","line":1,"ta`);
    const submitsBefore = proxy.requests.filter((request) => request.method === 'POST').length;

    const result = await runCli(['batch', file, '--base-url', proxy.url, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).succeeded).toHaveLength(2);
    expect(proxy.requests.filter((request) => request.method === 'POST')).toHaveLength(submitsBefore);
    expect((await readJournal(journal)).map(({ event }) => event)).toEqual([
      'intent',
      'intent',
      'submitted',
      'submitted',
      'succeeded',
      'succeeded',
    ]);
  });

  it('rejects invalid lines, naming each line and field, before sending anything', async () => {
    const file = join(folder, 'prompts.jsonl');
    const long = 'p'.repeat(1501);
    await writeFile(
      file,
      [
        '{"prompt": "ok"}',
        '{"prompt": "x", "resolution": "480p", "aspect_ratio": "4:3"}',
        'not json',
        '{"image_urls": ["https://example.com/cat.png"], "aspect_ratio": "1:1"}',
        JSON.stringify({ prompt: long }),
      ].join('\n'),
    );
    proxy = await startProxy(contractBaseUrl());
    const result = await runCli(['batch', file, '--base-url', proxy.url]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'line 2: aspect_ratio: must be one of 16:9, 9:16, 1:1 for 480p, not "4:3"',
    );
    expect(result.stderr).toContain('line 3: not valid JSON');
    expect(result.stderr).toContain('line 4: aspect_ratio: applies only to text-to-video');
    expect(result.stderr).toContain('line 5: prompt: must be at most 1500 characters');
    expect(result.stderr).not.toContain('p'.repeat(100));

    const json = await runCli(['batch', file, '--base-url', proxy.url, '--json']);
    expect(json.status).toBe(2);
    const { error } = JSON.parse(json.stdout);
    expect(error).toMatchObject({ name: 'BatchFileError', exitCode: 2 });
    expect(error.issues).toEqual([
      {
        line: 2,
        path: 'aspect_ratio',
        code: expect.any(String),
        message: 'must be one of 16:9, 9:16, 1:1 for 480p, not "4:3"',
      },
      { line: 3, path: '', code: 'invalid_json', message: 'not valid JSON' },
      {
        line: 4,
        path: 'aspect_ratio',
        code: expect.any(String),
        message: expect.stringContaining('applies only to text-to-video'),
      },
      {
        line: 5,
        path: 'prompt',
        code: 'too_big',
        message: expect.stringMatching(/^must be at most 1500 characters, not "p{20,}…"$/),
      },
    ]);
    expect(proxy.requests).toEqual([]);
  });
});
