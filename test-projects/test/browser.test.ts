import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type HeadlessChromium, launchChromium } from '../../scripts/lib/chromium.ts';

const consumerDir = inject('consumerDir');
const mockUrl = inject('mockUrl');
const contentTypes: Record<string, string> = {
  '/index.html': 'text/html',
  '/dist/browser.js': 'text/javascript',
};

/** Serves the consumer's page and bundle on its own origin, so every call to the mock is cross-origin. */
async function serveApp(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    const type = contentTypes[path];
    if (type === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': type }).end(readFileSync(join(consumerDir, path)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('@wan25/client bundled by esbuild runs in headless Chromium against the mock', () => {
  let app: Server;
  let browser: HeadlessChromium;
  beforeAll(async () => {
    execFileSync(
      join(consumerDir, 'node_modules', '.bin', 'esbuild'),
      ['browser.ts', '--bundle', '--format=esm', '--platform=browser', '--outfile=dist/browser.js'],
      { cwd: consumerDir, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    [app, browser] = await Promise.all([serveApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => app?.close(resolve));
  });

  /** Opens the app with these query parameters; answers what #result shows and the mock URLs requested. */
  async function openApp(query: Record<string, string>) {
    const page = await browser.context.newPage();
    const mockRequests: string[] = [];
    const corsHeaders: (string | undefined)[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(mockUrl)) mockRequests.push(`${request.method()} ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.url().startsWith(mockUrl))
        corsHeaders.push(response.headers()['access-control-allow-origin']);
    });
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    await page.goto(`${appUrl}/index.html?${new URLSearchParams({ mock: mockUrl, ...query })}`);
    await page.locator('#result').filter({ hasText: /\S/ }).waitFor({ timeout: 60_000 });
    const result: unknown = JSON.parse((await page.locator('#result').textContent()) ?? '');
    return { page, appUrl, result, mockRequests, corsHeaders };
  }

  it('submits and waits from another origin, allowed by the mock CORS headers', async () => {
    const { appUrl, result, corsHeaders } = await openApp({});

    expect(result).toEqual({
      taskId: expect.stringMatching(/^task_[0-9a-f]+$/),
      state: 'success',
      resultUrls: [expect.stringMatching(new RegExp(`^${mockUrl}/files/task_[0-9a-f]+/video\\.mp4$`))],
    });
    // A submit and at least one status read, each answered with a CORS header that admits the page.
    expect(corsHeaders.length).toBeGreaterThanOrEqual(2);
    for (const allowed of corsHeaders) expect([appUrl, '*']).toContain(allowed);
  });

  it('refuses an invalid request in the page, shows each issue with its field and rule, and sends nothing', async () => {
    const { page, result, mockRequests } = await openApp({ request: 'invalid' });

    expect(result).toEqual({ error: expect.stringMatching(/^WanValidationError: .*Invalid task request: /) });
    const rows = await page
      .locator('#issues tbody tr')
      .evaluateAll((found) => found.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(rows).toEqual([
      ['input.image_urls', 'invalid_type', 'must be an array, not "https://example.com/cat.png"'],
      [
        'input.prompt',
        'too_big',
        expect.stringMatching(/^must be at most 1500 characters, not "a cat walking on the beach, .*…"$/),
      ],
    ]);
    expect(mockRequests).toEqual([]);
  });
});
