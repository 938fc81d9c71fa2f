import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/redis.ts'],
  format: 'esm',
  platform: 'neutral',
  dts: true,
});
