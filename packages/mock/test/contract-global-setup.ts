// The root vitest config's global setup: one mock for the whole run, shared by every package's
// `*.contract.test.ts` through `contractBaseUrl()` from @wan25/test-utils. Its tasks take
// `contractTaskSeconds`, and it trusts the certificate that `contractCallbackTls()` hands to https webhook
// receivers. With WAN25_TEST_BASE_URL set, no mock is started and the suites run against that server.

import { contractBaseUrlEnv, contractTaskSeconds, createLoopbackCertificate } from '@wan25/test-utils';
import type { TestProject } from 'vitest/node';
import { startMockServer } from '../src/index.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env[contractBaseUrlEnv];
  if (external) {
    project.provide('wan25ContractBaseUrl', external);
    project.provide('wan25ContractCallbackTls', undefined);
    return undefined;
  }
  const tls = createLoopbackCertificate();
  const mock = await startMockServer({
    taskSeconds: contractTaskSeconds,
    callbackCa: tls.cert,
    callbackRetrySeconds: 0.2,
  });
  project.provide('wan25ContractBaseUrl', mock.url);
  project.provide('wan25ContractCallbackTls', tls);
  return () => mock.close();
}
