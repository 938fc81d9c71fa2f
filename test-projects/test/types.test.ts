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

describe('a TypeScript file using every package type-checks with the installed typescript', () => {
  it.each(runs)('moduleResolution %s, %s', (_resolution, _mode, flags) => {
    const consumerDir = inject('consumerDir');
    const tsc = join(consumerDir, 'node_modules', '.bin', 'tsc');
    const { status, stdout } = spawnSync(tsc, ['-p', 'tsconfig.json', ...flags], {
      cwd: consumerDir,
      encoding: 'utf8',
    });
    expect({ status, stdout }).toEqual({ status: 0, stdout: '' });
  });
});
