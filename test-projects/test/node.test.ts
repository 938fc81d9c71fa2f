import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

// The packages promise Node >= 20.19 (engines.node): every script runs on the oldest Node they support and
// on the workspace's Node (24), and prints the version it ran on, so neither can quietly stand in for the other.
const oldestNode = inject('oldestNode');
const nodes = [
  { version: oldestNode.version, path: oldestNode.path, which: 'the oldest the packages support' },
  { version: process.version, path: process.execPath, which: "the workspace's" },
];

const run = (node: string, script: string) =>
  JSON.parse(execFileSync(node, [script], { cwd: inject('consumerDir'), encoding: 'utf8' }));
// Each submit gets its own task, whose result the mock serves itself.
const succeeded = {
  taskId: expect.stringMatching(/^task_[0-9a-f]+$/),
  state: 'success',
  resultUrls: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/task_[0-9a-f]+\/video\.mp4$/)],
};

describe('an ESM Node script submits and waits against the mock, both from their tarballs', () => {
  it.each(nodes)('on Node $version ($which)', ({ version, path }) => {
    expect(run(path, 'submit-and-wait.mjs')).toEqual({ node: version, ...succeeded });
  });
});

describe('a CommonJS Node script require()s every package, then submits and waits against the mock', () => {
  it.each(nodes)('on Node $version ($which)', ({ version, path }) => {
    expect(run(path, 'require-every-package.cjs')).toEqual({
      node: version,
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
