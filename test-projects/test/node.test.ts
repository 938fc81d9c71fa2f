import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

// The machine's own Node (20 in CI) besides the workspace's Node 24: the packages promise Node >= 20.19.
const nodes = [
  ...new Set([process.execPath, ...execFileSync('which', ['-a', 'node'], { encoding: 'utf8' }).split('\n')]),
].filter((node) => node !== '');
const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

describe('an ESM Node script submits and waits against the mock, both from their tarballs', () => {
  it.each([...new Map(nodes.map((node) => [versionOf(node), node]))])('on Node %s', (_version, node) => {
    const output = execFileSync(node, ['submit-and-wait.mjs'], {
      cwd: inject('consumerDir'),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      taskId: 'task_12345678',
      state: 'success',
      resultUrls: ['https://file.apixo.ai/video.mp4'],
    });
  });
});
