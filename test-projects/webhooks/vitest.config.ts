import { defineConfig } from 'vitest/config';

// The webhook recipes (`pnpm test:webhook-recipes`, a step of .ci/run after `pnpm test`): each framework
// recipe in this folder installed into a fresh project (its framework from the npm registry, our packages
// from their tarballs), then run over https and sent deliveries by the installed wan25-mock.
export default defineConfig({
  test: {
    name: 'webhook-recipes',
    root: import.meta.dirname,
    include: ['*.test.ts'],
    globalSetup: ['./setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
