import { inject } from 'vitest';
import type { LoopbackCertificate } from './tls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by packages/mock/test/contract-global-setup.ts, the root vitest config's global setup. */
    wan25ContractBaseUrl: string;
    /** The certificate the contract mock trusts for callback URLs; absent against an external server. */
    wan25ContractCallbackTls: LoopbackCertificate | undefined;
  }
}

/** Points the contract suites at another server (e.g. staging) instead of the mock the test run starts. */
export const contractBaseUrlEnv = 'WAN25_TEST_BASE_URL';

/** A key for contract tests: the mock accepts any `Bearer` token. */
export const contractApiKey = 'wan25-contract-test-key';

/**
 * The base URL (no trailing slash) that `*.contract.test.ts` files send their requests to: the
 * `WAN25_TEST_BASE_URL` environment variable when set, otherwise the one Prism mock that the root
 * vitest config's global setup starts for the whole run (shared by every package's contract tests).
 * Call it inside a test or hook, where vitest's `inject` works.
 */
export function contractBaseUrl(): string {
  const url = process.env[contractBaseUrlEnv] || inject('wan25ContractBaseUrl');
  if (!url) {
    throw new Error(
      `contractBaseUrl: no server to test against; run vitest from the repository root (its global setup starts the mock) or set ${contractBaseUrlEnv}`,
    );
  }
  return url.replace(/\/+$/, '');
}

/** How long each task of the contract mock takes from submit to outcome. */
export const contractTaskSeconds = 2;

/**
 * The key and certificate for a loopback https webhook receiver (`startWebhookReceiver({ tls })`) whose
 * deliveries the contract mock trusts. Call it inside a test or hook.
 */
export function contractCallbackTls(): LoopbackCertificate {
  const tls = inject('wan25ContractCallbackTls');
  if (!tls) {
    throw new Error(
      `contractCallbackTls: callbacks are tested against the mock the test run starts, not ${contractBaseUrlEnv}`,
    );
  }
  return tls;
}
