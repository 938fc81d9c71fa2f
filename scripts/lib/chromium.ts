import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's `chromium` package; .ci/run installs it when it is missing. */
export const chromiumPath = '/usr/bin/chromium';

export interface HeadlessChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLocal = (url: URL) =>
  ['file:', 'data:', 'blob:', 'about:'].includes(url.protocol) || localHosts.has(url.hostname);

/** Starts headless Chromium with a fresh profile and nothing that phones home. */
export async function launchChromium(): Promise<HeadlessChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'wan25-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Tests only ever talk to this machine: refuse everything else (e.g. a renderer's logo on a CDN).
  await context.route(
    (url) => !isLocal(url),
    (route) => route.abort('blockedbyclient'),
  );
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
