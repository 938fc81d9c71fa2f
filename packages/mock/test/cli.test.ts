import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { requestExamples, specValidator } from '@wan25/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

// The built bin, run the way a user runs it; `pnpm test` builds before it tests.
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const startup = { timeout: 120_000 };

interface RunningBin {
  child: ChildProcess;
  url: string;
}

/** Runs the bin on a free port (`--port 0`) and resolves with the URL it prints once it serves. */
async function runBin(): Promise<RunningBin> {
  const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const printed = stdout.match(
        /^wan25-mock: serving the Wan 2\.5 API mock at (\S+) \(Ctrl-C stops it\)\n/,
      );
      if (printed?.[1] !== undefined) resolve(printed[1]);
    });
    child.once('exit', (code) => reject(new Error(`wan25-mock exited (${code}) before serving:\n${stdout}`)));
  });
  return { child, url };
}

describe('wan25-mock', () => {
  let running: RunningBin | undefined;
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build first`);
  });
  afterEach(async () => {
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill('SIGTERM');
    await once(running.child, 'exit');
  });

  it(
    'answers the quickstart curl with a taskId, and its status request with a spec-valid body',
    startup,
    async () => {
      running = await runBin();
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const quickstart = requestExamples('/generateTask/wan-2-5-video', 'post').find(
        (e) => e.name === 'quickstart',
      );

      // The API reference's quickstart curl, with its host swapped for the mock.
      const submitted = await fetch(`${running.url}/generateTask/wan-2-5-video`, {
        method: 'POST',
        headers: { Authorization: 'Bearer YOUR_API_KEY', 'Content-Type': 'application/json' },
        body: JSON.stringify(quickstart?.value),
      });
      const accepted = await submitted.json();
      expect(submitted.status).toBe(200);
      expect(accepted.data.taskId).toEqual(expect.any(String));

      const status = await fetch(`${running.url}/statusTask/wan-2-5-video?taskId=${accepted.data.taskId}`, {
        headers: { Authorization: 'Bearer YOUR_API_KEY' },
      });
      const body = await status.json();
      const statusAnswer = specValidator('TaskStatusResponse');
      expect(status.status).toBe(200);
      expect(statusAnswer(body), JSON.stringify(statusAnswer.errors)).toBe(true);
    },
  );

  it.each(['SIGINT', 'SIGTERM'] as const)('stops serving and exits 0 on %s', startup, async (signal) => {
    running = await runBin();
    running.child.kill(signal);
    const [code] = await once(running.child, 'exit');
    expect(code).toBe(0);
    await expect(fetch(running.url)).rejects.toThrow();
  });

  it('exits 1 saying "is in use" when the port is taken', startup, async () => {
    const occupant = createServer().listen(0, '127.0.0.1');
    await once(occupant, 'listening');
    const { port } = occupant.address() as AddressInfo;
    try {
      const child = spawn(process.execPath, [bin, '--port', String(port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      const [code] = await once(child, 'exit');
      expect(code).toBe(1);
      expect(output).toBe(`wan25-mock: port ${port} on 127.0.0.1 is in use\n`);
    } finally {
      occupant.close();
    }
  });

  it.each([
    [['--task-seconds', 'soon'], '--task-seconds must be a number of seconds, 0 or more, got "soon"'],
    [
      ['--callback-retry-seconds=-1'],
      '--callback-retry-seconds must be a number of seconds, 0 or more, got "-1"',
    ],
    [['--callback-ca', 'no-such-file.pem'], '--callback-ca: cannot read no-such-file.pem'],
  ])('rejects %j with usage and exit code 2', startup, async (args, message) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('rejects a bad --port with usage and exit code 2', async () => {
    const child = spawn(process.execPath, [bin, '--port', 'http'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be an integer from 0 to 65535, got "http"');
    expect(stderr).toContain('Usage: wan25-mock');
  });
});
