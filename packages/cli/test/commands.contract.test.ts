import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractBaseUrl } from '@wan25/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from './batch.ts';
import { collect, runCli, startCli, testApiKey } from './cli.ts';
import { listen, startProxy, type TestServer } from './servers.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const taskId = /^task_[0-9a-f]+$/;
const resultUrl = (baseUrl: string) => new RegExp(`^${baseUrl}/files/task_[0-9a-f]+/video\\.mp4$`);

describe('wan25 against the mock', { timeout: 60_000 }, () => {
  it('generate --json prints the task id and the result URLs as one JSON document', async () => {
    const result = await runCli(
      ['generate', 'a paper boat on a rainy street', '--resolution', '720p', '--json'],
      {
        env: { APIXO_BASE_URL: contractBaseUrl() },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({
      taskId: expect.stringMatching(taskId),
      state: 'success',
      resultUrls: [expect.stringMatching(resultUrl(contractBaseUrl()))],
      estimatedCost: { usd: 0.5, seconds: 5, usdPerSecond: 0.1 },
    });
    expect(result.stderr).toContain(
      `Submitted task ${printed.taskId}, estimated cost 0.50 USD (5 s of 720p at 0.10 USD/s)`,
    );
    expect(result.stderr).toMatch(/^success, 0:0\d elapsed \(typical 1:00–3:00 for 720p\)$/m);
  });

  it('generate prints only the result URLs on stdout without --json', async () => {
    const result = await runCli(['generate', 'a lighthouse', '--base-url', contractBaseUrl()]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`${resultUrl(contractBaseUrl()).source.slice(0, -1)}\n$`));
  });

  it('generate --out downloads the result: a real MP4 served by the mock', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'wan25-cli-out-'));
    try {
      const out = join(folder, 'video.mp4');
      const result = await runCli([
        'generate',
        'a lighthouse',
        '--out',
        out,
        '--base-url',
        contractBaseUrl(),
      ]);
      expect(result.status, result.stderr).toBe(0);
      const video = await readFile(out);
      expect(video.subarray(4, 8).toString('latin1')).toBe('ftyp');
      expect(result.stderr).toContain(`Saved`);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('sends --header and $WAN25_HEADERS on every request: Prefer picks the outcome of a task on the mock', async () => {
    const result = await runCli([
      'generate',
      'a lighthouse',
      '--json',
      '--header',
      'Prefer: example=failedTimeout',
      '--base-url',
      contractBaseUrl(),
    ]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { failCode: 'TIMEOUT' } });

    const fromEnv = await runCli(['generate', 'a lighthouse', '--json', '--base-url', contractBaseUrl()], {
      env: { WAN25_HEADERS: 'Prefer: example=failedContentViolation' },
    });
    expect(fromEnv.status).toBe(1);
    expect(JSON.parse(fromEnv.stdout)).toMatchObject({ error: { failCode: 'CONTENT_VIOLATION' } });
  });

  it('generate --no-wait prints the task id and does not poll', async () => {
    const proxy = await startProxy(contractBaseUrl());
    servers.push(proxy);
    const result = await runCli(['generate', 'a lighthouse', '--no-wait', '--base-url', proxy.url]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^task_[0-9a-f]+\n$/);
    expect(proxy.requests.map(({ method }) => method)).toEqual(['POST']);
  });

  it.each([
    ['SIGINT', 130, []],
    ['SIGTERM', 143, ['--json']],
  ] as const)(
    '%s during a --no-wait submit lets the submit finish and still prints the task id (exit %i)',
    async (signal, code, extra) => {
      const proxy = await startProxy(contractBaseUrl(), { delaySubmit: () => 1500 });
      servers.push(proxy);
      const child = startCli(['generate', 'a lighthouse', '--no-wait', '--base-url', proxy.url, ...extra]);
      const result = collect(child);
      await waitUntil(() => proxy.requests.some(({ method }) => method === 'POST'), 'the submit to arrive');
      child.kill(signal);
      const { status, stdout, stderr } = await result;
      expect(status, stderr).toBe(code);
      expect(stderr).toContain(
        'Stopping: letting the submit in flight finish first, so that its task id is not lost',
      );
      const taskId = /Task (task_[0-9a-f]+) keeps running: `wan25 wait \1` picks it up\./.exec(stderr)?.[1];
      expect(taskId, stderr).toBeDefined();
      if (extra.length === 0) expect(stdout).toBe(`${taskId}\n`);
      else
        expect(JSON.parse(stdout)).toMatchObject({
          taskId,
          error: { name: 'InterruptedError', exitCode: 143 },
        });
      expect(proxy.forwardedSubmits().get('a lighthouse')).toBe(1);
    },
  );

  it('status of a failed task exits 1 with the fail code', async () => {
    const prefer = ['--header', 'Prefer: example=failedContentViolation', '--base-url', contractBaseUrl()];
    const result = await runCli(['status', 'task_12345678', ...prefer]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^failed\nCONTENT_VIOLATION: .+\n$/);
    expect(result.stderr).toContain('Task task_12345678 failed with CONTENT_VIOLATION');

    const json = await runCli(['status', 'task_12345678', ...prefer, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      taskId: 'task_12345678',
      state: 'failed',
      failCode: 'CONTENT_VIOLATION',
    });
  });

  it('status of a running task exits 0 with its state', async () => {
    const result = await runCli([
      'status',
      'task_12345678',
      '--header',
      'Prefer: example=processing',
      '--base-url',
      contractBaseUrl(),
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('processing\n');
  });

  it('wait --json prints the succeeded task', async () => {
    const result = await runCli(['wait', 'task_12345678', '--json', '--base-url', contractBaseUrl()]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      state: 'success',
      resultUrls: ['https://file.apixo.ai/video.mp4'],
    });
  });

  it('wait on a task that fails exits 1 and reports the code in the JSON document', async () => {
    const prefer = ['--header', 'Prefer: example=failedTimeout', '--base-url', contractBaseUrl()];
    const result = await runCli(['wait', 'task_12345678', '--json', ...prefer]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      taskId: 'task_12345678',
      error: { name: 'WanTaskFailedError', failCode: 'TIMEOUT', exitCode: 1 },
    });
  });

  it('an API error (402) exits 3 with the status in the message', async () => {
    const prefer = ['--header', 'Prefer: code=402', '--base-url', contractBaseUrl()];
    const result = await runCli(['generate', 'a lighthouse', ...prefer, '--json']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('HTTP 402');
    expect(JSON.parse(result.stdout)).toMatchObject({
      error: { name: 'WanApiError', status: 402, exitCode: 3 },
    });
  });
});

describe('errors outside the mock', { timeout: 60_000 }, () => {
  it('a server nobody listens on exits 3', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const result = await runCli(['status', 'task_1', '--base-url', closed.url]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('ECONNREFUSED');
  });

  it('says a submit that failed with a 5xx may have created a task', async () => {
    const failing = await listen((_request, response) => {
      response.writeHead(502, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 502, message: 'bad gateway' }));
    });
    servers.push(failing);
    const result = await runCli(['generate', 'a fox', '--no-wait', '--base-url', failing.url]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('HTTP 502');
    expect(result.stderr).toContain(
      'The submit may have created (and billed) a task whose id never came back',
    );
    expect(result.stdout).toBe('');
  });

  it('never prints nor journals the key, even when a server echoes it back', async () => {
    const echo = await listen((request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 401, message: `invalid key: ${request.headers.authorization}` }));
    });
    servers.push(echo);
    const result = await runCli(['status', 'task_1', '--base-url', echo.url, '--json']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('HTTP 401');
    expect(result.stdout + result.stderr).not.toContain(testApiKey);

    const folder = await mkdtemp(join(tmpdir(), 'wan25-cli-key-'));
    try {
      const file = join(folder, 'prompts.jsonl');
      await writeFile(file, '{"prompt": "a fox"}\n');
      const batch = await runCli(['batch', file, '--base-url', echo.url, '--json']);
      expect(batch.status, batch.stderr).toBe(3);
      const journal = await readFile(`${file}.journal`, 'utf8');
      expect(journal).toContain('"event":"rejected"');
      expect(batch.stdout + batch.stderr + journal).not.toContain(testApiKey);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
