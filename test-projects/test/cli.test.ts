import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const consumerDir = inject('consumerDir');

/** Runs the installed `wan25` bin (npm's link to the tarball's dist/cli.js) against the mock. */
function wan25(...args: string[]) {
  const { status, stdout, stderr } = spawnSync(join(consumerDir, 'node_modules', '.bin', 'wan25'), args, {
    cwd: consumerDir,
    encoding: 'utf8',
    env: {
      ...process.env,
      APIXO_API_KEY: 'consumer-test-key',
      APIXO_BASE_URL: inject('mockUrl'),
      NO_COLOR: '1',
      // The mock's tasks take 2 s: poll at once and often.
      WAN25_FIRST_POLL_SECONDS: '0',
      WAN25_POLL_INTERVAL_SECONDS: '0.2',
    },
  });
  return { status, stdout, stderr };
}

describe('the wan25 command from its tarball', () => {
  it('prints its help', () => {
    const { status, stdout } = wan25('--help');
    expect(status).toBe(0);
    for (const command of ['generate', 'status', 'wait', 'cost']) expect(stdout).toContain(command);
  });

  it('submits a task without waiting, then waits for it against the mock', () => {
    const submitted = wan25(
      'generate',
      'a red kite over a windy beach',
      '--resolution',
      '480p',
      '--no-wait',
      '--json',
    );
    expect(submitted.status, submitted.stderr).toBe(0);
    const { taskId } = JSON.parse(submitted.stdout);
    expect(taskId).toMatch(/^task_[0-9a-f]+$/);

    const waited = wan25('wait', taskId, '--json');
    expect(waited.status, waited.stderr).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({
      resultUrls: [`${inject('mockUrl')}/files/${taskId}/video.mp4`],
    });
  });

  it('rejects an invalid request before sending it, with a usage exit code', () => {
    const { status, stderr } = wan25('generate', 'x', '--resolution', '4k');
    expect(status).toBe(2); // the CLI's documented exit code for usage errors
    expect(stderr).toContain('--resolution');
  });
});
