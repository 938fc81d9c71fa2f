import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from './cli.ts';

const demo = fileURLToPath(new URL('../scripts/run-demo.ts', import.meta.url));

describe('the demo behind `pnpm start`', { timeout: 120_000 }, () => {
  it('starts the mock, generates a video through wan25, downloads it, prints the result URL and exits 0', async () => {
    const child = spawn(process.execPath, [demo], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const { status, stdout, stderr } = await collect(child);
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/Started the Wan 2\.5 API mock at http:\/\/127\.0\.0\.1:\d+/);
    const taskId = /Submitted task (task_[0-9a-f]+)/.exec(stderr)?.[1];
    expect(taskId, stderr).toBeDefined();
    expect(stderr).toContain(`Task ${taskId} succeeded`);
    expect(stdout).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/files/${taskId}/video\\.mp4\n$`));
    // The demo downloads its video: a real MP4 from the mock, into a temporary folder.
    const saved = /^Saved .* to (\S+)$/m.exec(stderr)?.[1] ?? '';
    expect(saved.startsWith(tmpdir()), stderr).toBe(true);
    expect((await readFile(saved)).subarray(4, 8).toString('latin1')).toBe('ftyp');
    await rm(dirname(saved), { recursive: true, force: true });
    expect(stderr).toContain('Stopped the mock; wan25 exited with 0.');
  });
});
