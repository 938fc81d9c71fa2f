import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  // Write .js like the other packages (tsdown defaults to .mjs on the node platform).
  fixedExtension: false,
  dts: true,
});
