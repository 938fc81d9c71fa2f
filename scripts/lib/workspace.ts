import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specSource = join(root, 'spec', 'openapi.yaml');
export const bundledSpecDir = join(root, 'packages', 'spec', 'dist');
export const bundledSpecJson = join(bundledSpecDir, 'openapi.json');

/** Every file under a `generated/` folder starts with this header and is checked by `pnpm generate:check`. */
export function generatedHeader(generator: string): string {
  return `// auto-generated from spec/openapi.yaml by scripts/${generator}; do not edit; run \`pnpm generate\`\n`;
}

/** Writes a generated TypeScript file, formatted by Biome so that `pnpm lint` accepts it as it is. */
export function writeGeneratedTs(file: string, contents: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, contents);
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`wrote ${relative(root, file)}`);
}
