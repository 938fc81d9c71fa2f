import { defineConfig } from 'vitest/config';

// The registry test (`pnpm test:registry`, a step of .ci/run after `pnpm test`): a release published to a
// local Verdaccio, then installed by name with npm, pnpm, yarn and bun. Slow (installs from the network).
export default defineConfig({
  test: {
    name: 'registry',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
