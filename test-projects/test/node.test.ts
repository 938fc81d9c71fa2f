import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

// The machine's own Node (20 in CI) besides the workspace's Node 24: the packages promise Node >= 20.19.
const nodes = [
  ...new Set([process.execPath, ...execFileSync('which', ['-a', 'node'], { encoding: 'utf8' }).split('\n')]),
].filter((node) => node !== '');
const versionOf = (node: string) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const nodeVersions = [...new Map(nodes.map((node) => [versionOf(node), node]))];

const run = (node: string, script: string) =>
  JSON.parse(execFileSync(node, [script], { cwd: inject('consumerDir'), encoding: 'utf8' }));
// Each submit gets its own task, whose result the mock serves itself.
const succeeded = {
  taskId: expect.stringMatching(/^task_[0-9a-f]+$/),
  state: 'success',
  resultUrls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/task_[0-9a-f]+\/video\.mp4$/)],
};

describe('an ESM Node script submits and waits against the mock, both from their tarballs', () => {
  it.each(nodeVersions)('on Node %s', (_version, node) => {
    expect(run(node, 'submit-and-wait.mjs')).toEqual(succeeded);
  });
});

describe('a CommonJS Node script require()s every package, then submits and waits against the mock', () => {
  it.each(nodeVersions)('on Node %s', (_version, node) => {
    expect(run(node, 'require-every-package.cjs')).toEqual({
      ...succeeded,
      sameAsImport: {
        '@wan25/client': true,
        '@wan25/client/node': true,
        '@wan25/client/redis': true,
        '@wan25/mock': true,
        '@wan25/types': true,
        '@wan25/zod': true,
      },
      openapi: '3.1.0',
      bins: ['wan25'],
    });
  });
});
