import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { requestExamples, specValidator } from '@wan25/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, waitForHttp } from '../src/http.ts';
import { processExists } from './processes.ts';

// The built bin, run the way a user runs it; `pnpm test` builds before it tests.
const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const startup = { timeout: 120_000 };

interface RunningBin {
  child: ChildProcess;
  url: string;
  /** Resolves to the Prism pid once the bin has printed its URL line. */
  prismPid: Promise<number>;
}

async function runBin(port: number): Promise<RunningBin> {
  const child = spawn(process.execPath, [bin, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let stdout = '';
  const prismPid = new Promise<number>((resolve) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const printed = stdout.match(/serving the Wan 2\.5 API mock at (\S+) \(Prism pid (\d+)/);
      if (printed?.[1] === url) resolve(Number(printed[2]));
    });
  });
  const deadline = Date.now() + startup.timeout;
  const answered = await waitForHttp(url, () => child.exitCode === null && Date.now() < deadline);
  if (!answered) throw new Error(`wan25-mock did not answer on ${url} (exit code ${child.exitCode})`);
  return { child, url, prismPid };
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
      running = await runBin(await findFreePort('127.0.0.1'));
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

  it.each(['SIGINT', 'SIGTERM'] as const)('stops Prism and exits 0 on %s', startup, async (signal) => {
    running = await runBin(await findFreePort('127.0.0.1'));
    const prismPid = await running.prismPid;
    expect(processExists(prismPid)).toBe(true);

    running.child.kill(signal);
    const [code] = await once(running.child, 'exit');
    expect(code).toBe(0);
    expect(processExists(prismPid)).toBe(false);
    expect(processExists(-prismPid)).toBe(false);
  });

  it('leaves no Prism behind even when it is killed with SIGKILL', startup, async () => {
    running = await runBin(await findFreePort('127.0.0.1'));
    const prismPid = await running.prismPid;

    running.child.kill('SIGKILL');
    await once(running.child, 'exit');
    await expect.poll(() => processExists(prismPid), { timeout: 10_000 }).toBe(false);
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
