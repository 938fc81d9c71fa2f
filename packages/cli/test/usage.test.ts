import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { startCountingServer, type TestServer } from './servers.ts';

// Every case here must fail before any request: the base URL points at a server that counts requests.
let api: TestServer & { readonly count: number };
beforeAll(async () => {
  api = await startCountingServer();
});
afterAll(() => api.close());

const offline = (...args: string[]) => runCli([...args, '--base-url', api.url]);

describe('wan25 generate rejects bad flags before sending anything', { timeout: 60_000 }, () => {
  it('480p with 4:3 exits 2 naming --aspect-ratio and the allowed values', async () => {
    const result = await offline('generate', 'a boat', '--resolution', '480p', '--aspect-ratio', '4:3');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--aspect-ratio: 480p allows 16:9, 9:16 or 1:1 (got "4:3")');
    expect(result.stdout).toBe('');
    expect(api.count).toBe(0);
  });

  it.each([
    [
      ['--resolution', '4k'],
      "option '--resolution <r>' argument '4k' is invalid. Allowed choices are 480p, 720p, 1080p.",
    ],
    [
      ['--duration', '7'],
      "option '--duration <seconds>' argument '7' is invalid. Allowed choices are 5, 10.",
    ],
    [['--seed', '-1'], '--seed: must be at least 0 (got -1)'],
    [['--seed', '1.5'], '--seed: must be an integer (got 1.5)'],
    [['--seed', 'abc'], '--seed: must be a number (got "abc")'],
    [['--image', 'ftp://host/a.png'], '--image: must match ^https?://\\S+$ (got "ftp://host/a.png")'],
    [
      ['--image', 'https://host/a.png', '--aspect-ratio', '1:1'],
      '--aspect-ratio: applies only to text-to-video',
    ],
    [['--callback-url', 'http://hooks.example.com'], '--callback-url: must match ^https://\\S+$'],
    [
      ['--timeout', '0'],
      "option '--timeout <seconds>' argument '0' is invalid. Must be a whole number above 0.",
    ],
  ])('%j exits 2: %s', async (flags, message) => {
    const result = await offline('generate', 'a boat', ...flags);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
    expect(api.count).toBe(0);
  });

  it('quotes a long value shortened, not whole', async () => {
    const prompt = `a boat ${'on a lake '.repeat(150)}`.slice(0, 1501);
    const result = await offline('generate', prompt);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'PROMPT: must be at most 1500 characters (got "a boat on a lake on a lake on a lake on …" (1501 characters))',
    );
    expect(result.stderr.length).toBeLessThan(400);
    expect(api.count).toBe(0);
  });

  it('requires a prompt for text-to-video', async () => {
    const result = await offline('generate');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PROMPT: is required for text-to-video');
  });

  it('requires APIXO_API_KEY, and never takes the key as a flag', async () => {
    const result = await runCli(['generate', 'a boat', '--base-url', api.url], {
      env: { APIXO_API_KEY: undefined },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('APIXO_API_KEY is not set');
    expect((await offline('generate', 'a boat', '--api-key', 'x')).status).toBe(2);
  });

  it('checks that --out can be written before submitting', async () => {
    const result = await offline('generate', 'a boat', '--out', '/nonexistent-folder/video.mp4');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--out: folder /nonexistent-folder does not exist');
    expect(api.count).toBe(0);
  });

  it('with --json prints exactly one JSON document, the error, on stdout', async () => {
    for (const args of [
      ['generate', 'a boat', '--resolution', '480p', '--aspect-ratio', '4:3', '--json'],
      ['generate', 'a boat', '--resolution', '4k', '--json'],
    ]) {
      const result = await offline(...args);
      expect(result.status).toBe(2);
      const document = JSON.parse(result.stdout);
      expect(document.error).toMatchObject({ exitCode: 2, message: expect.stringContaining('--') });
    }
    expect(api.count).toBe(0);
  });

  it('status with an empty task id exits 2 and sends nothing', async () => {
    const result = await offline('status', '', '--json');
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toContain('taskId: must be a non-empty string');
    expect(JSON.parse(result.stdout).error).toMatchObject({ exitCode: 2 });
    expect(api.count).toBe(0);
  });

  it('rejects a base URL that is not http(s)', async () => {
    const result = await runCli(['status', 'task_1'], { env: { APIXO_BASE_URL: 'localhost:4010' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('APIXO_BASE_URL must be an http(s) URL');
  });
});

describe('wan25 cost', { timeout: 60_000 }, () => {
  it('prints 1.50 USD for 10 s of 1080p', async () => {
    const result = await runCli(['cost', '--resolution', '1080p', '--duration', '10']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('1.50 USD (10 s of 1080p at 0.15 USD/s)\n');
  });

  it('prints one JSON document with --json, defaults to 5 s of 1080p', async () => {
    const result = await runCli(['cost', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      resolution: '1080p',
      duration: 5,
      currency: 'USD',
      usd: 0.75,
      seconds: 5,
      usdPerSecond: 0.15,
    });
  });

  it('exits 2 on a resolution it does not know', async () => {
    const result = await runCli(['cost', '--resolution', '2160p']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Allowed choices are 480p, 720p, 1080p');
  });
});

describe('help', { timeout: 60_000 }, () => {
  it.each(['generate', 'status', 'wait', 'cost', 'batch'])(
    'wan25 %s --help shows usage and examples',
    async (name) => {
      const result = await runCli([name, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: wan25 ${name}`);
      expect(result.stdout).toContain(`Examples:\n  $ wan25 ${name}`);
    },
  );

  it('wan25 --help lists the commands, exit codes and environment', async () => {
    const result = await runCli(['--help']);
    expect(result.status).toBe(0);
    for (const name of [
      'generate',
      'status',
      'wait',
      'cost',
      'batch',
      'Exit codes',
      'APIXO_API_KEY',
      'NO_COLOR',
    ]) {
      expect(result.stdout).toContain(name);
    }
  });

  it('an unknown command exits 2', async () => {
    const result = await runCli(['render']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'render'");
  });
});
