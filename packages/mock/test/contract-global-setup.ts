// The root vitest config's global setup: one Prism mock for the whole run, shared by every package's
// `*.contract.test.ts` through `contractBaseUrl()` from @wan25/test-utils. With WAN25_TEST_BASE_URL set,
// no mock is started and the suites run against that server instead.

import { contractBaseUrlEnv } from '@wan25/test-utils';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../src/index.ts';
import { processExists } from './processes.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env[contractBaseUrlEnv];
  if (external) {
    project.provide('wan25ContractBaseUrl', external);
    return undefined;
  }
  const mock = await startMockServer();
  project.provide('wan25ContractBaseUrl', mock.url);
  return async () => {
    await mock.close();
    // Fails the run if Prism, or anything in its process group, outlived close().
    if (processExists(-mock.pid)) {
      throw new Error(`the contract mock (Prism, pid ${mock.pid}) is still running after close()`);
    }
  };
}
