import { defineConfig } from 'vitest/config';

// Checks of what downstream teams read and generate: the API reference that `pnpm docs` builds, and the
// bundled spec's readiness for client generators in other languages.
export default defineConfig({
  test: {
    name: 'docs',
    root: import.meta.dirname,
    include: ['test/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
