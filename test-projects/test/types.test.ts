import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const resolutions = {
  NodeNext: ['--module', 'NodeNext', '--moduleResolution', 'NodeNext'],
  Bundler: ['--module', 'ESNext', '--moduleResolution', 'Bundler'],
};
const strictness = {
  strict: [],
  'non-strict': [
    '--strict',
    'false',
    '--noUncheckedIndexedAccess',
    'false',
    '--exactOptionalPropertyTypes',
    'false',
  ],
};
const runs = Object.entries(resolutions).flatMap(([resolution, resolutionFlags]) =>
  Object.entries(strictness).map(
    ([mode, modeFlags]) => [resolution, mode, [...resolutionFlags, ...modeFlags]] as const,
  ),
);

/** Runs the consumer's own tsc on one of its tsconfig files. */
function typeCheck(tsconfig: string, flags: readonly string[]) {
  const consumerDir = inject('consumerDir');
  const tsc = join(consumerDir, 'node_modules', '.bin', 'tsc');
  const { status, stdout } = spawnSync(tsc, ['-p', tsconfig, ...flags], {
    cwd: consumerDir,
    encoding: 'utf8',
  });
  return { status, stdout };
}

describe('a TypeScript file using every package type-checks with the installed typescript', () => {
  it.each(runs)('moduleResolution %s, %s', (_resolution, _mode, flags) => {
    expect(typeCheck('tsconfig.json', flags)).toEqual({ status: 0, stdout: '' });
  });
});

// TypeScript lets a CommonJS file require() an ES module only where it models a Node that can: `module`
// NodeNext or Node20 (with `moduleResolution` NodeNext or Node16); under `module` Node16 it says TS1471.
// Strict only: the runs above already cover the declarations under both strictness settings.
describe('a CommonJS TypeScript file (.cts) that import = require()s every package type-checks', () => {
  it.each([
    ['NodeNext', 'NodeNext'],
    ['Node20', 'Node16'],
  ])('module %s, moduleResolution %s', (module, moduleResolution) => {
    const flags = ['--module', module, '--moduleResolution', moduleResolution];
    expect(typeCheck('tsconfig.commonjs.json', flags)).toEqual({ status: 0, stdout: '' });
  });
});
