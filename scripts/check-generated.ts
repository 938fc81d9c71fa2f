// Regenerates everything and fails when the committed generated files differ from the fresh output.
import { execFileSync, execSync } from 'node:child_process';
import { root } from './lib/workspace.ts';

execSync('pnpm run --silent generate', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const generated = ':(glob)packages/*/src/generated/**';
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const drift =
  git('diff', '--name-only', '--', generated) +
  git('ls-files', '--others', '--exclude-standard', '--', generated);
if (drift.trim() !== '') {
  console.error(
    `Generated files are out of date with spec/openapi.yaml or scripts/:\n${drift}` +
      'Run `pnpm generate` and commit the result.',
  );
  process.exit(1);
}
console.log('generated files match spec/openapi.yaml');
