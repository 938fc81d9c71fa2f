import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*'],
    // Starts the one Prism mock that every package's *.contract.test.ts shares (see contractBaseUrl()).
    globalSetup: ['packages/mock/test/contract-global-setup.ts'],
  },
});
