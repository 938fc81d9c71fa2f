import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from './cli.ts';

const demo = fileURLToPath(new URL('../scripts/run-demo.ts', import.meta.url));

describe('the demo behind `pnpm start`', { timeout: 120_000 }, () => {
  it('starts the mock, generates a video through wan25, prints the result URL and exits 0', async () => {
    const child = spawn(process.execPath, [demo], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { status, stdout, stderr } = await collect(child);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/Started the Wan 2\.5 API mock at http:\/\/127\.0\.0\.1:\d+/);
    expect(stderr).toContain('Submitted task task_12345678');
    expect(stderr).toContain('Task task_12345678 succeeded');
    expect(stdout).toBe('https://file.apixo.ai/video.mp4\n');
    expect(stderr).toContain('Stopped the mock; wan25 exited with 0.');
  });
});
