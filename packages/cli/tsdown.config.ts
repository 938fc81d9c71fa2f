import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: ['src/cli.ts'],
  format: 'esm',
  platform: 'node',
  // Write .js like the other packages (tsdown defaults to .mjs on the node platform).
  fixedExtension: false,
  // A command, not a library: no declarations to ship.
  dts: false,
  define: { __WAN25_CLI_VERSION__: JSON.stringify(version) },
});
