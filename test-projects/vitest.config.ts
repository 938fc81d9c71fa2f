import { defineConfig } from 'vitest/config';

// The consumer tests: every published package is packed and installed from its tarball with npm into one
// fresh project outside the workspace (global setup), then used the ways downstream projects use it.
export default defineConfig({
  test: {
    name: 'consumers',
    root: import.meta.dirname,
    include: ['test/*.test.ts'],
    globalSetup: ['./setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
