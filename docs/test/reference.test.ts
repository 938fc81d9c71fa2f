import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeadlessChromium, launchChromium } from '../../scripts/lib/chromium.ts';

const reference = join(import.meta.dirname, '..', 'dist', 'index.html');
const screenshots = join(import.meta.dirname, '..', 'dist', 'screenshots');
const errorStatuses = ['400', '401', '402', '403', '429', '500', '502', '504'];

// Each section of the reference (Redoc's `data-section-id`) and what it must show.
const sections = [
  {
    id: '/tasks/generatetask',
    shows: [
      'Submit a video generation task',
      '/generateTask/wan-2-5-video',
      'Text-to-video, polling (quickstart)', // the first request example
      '"request_type": "async"',
      'Callbacks', // the taskFinished callback
      ...errorStatuses,
    ],
  },
  {
    id: '/tasks/gettaskstatus',
    shows: [
      "Get a task's status and result",
      '/statusTask/wan-2-5-video',
      'Succeeded, with the result URL', // the first response example
      '"resultJson"',
      ...errorStatuses,
    ],
  },
  {
    id: '/webhooks/taskfinishedwebhook',
    shows: [
      'Final task status, POSTed to your callback_url',
      'Webhook',
      'taskFinished',
      '"state": "success"',
    ],
  },
];

async function sectionText(page: Page, id: string): Promise<string> {
  await page.goto(`${pathToFileURL(reference)}#${id}`);
  const section = page.locator(`[data-section-id="${id}"]`);
  await section.waitFor({ state: 'visible', timeout: 15_000 });
  // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered counts, not hidden nodes
  return section.innerText();
}

describe('the API reference built by `pnpm docs`', () => {
  let browser: HeadlessChromium;
  let page: Page;
  beforeAll(async () => {
    if (!existsSync(reference))
      throw new Error(`${relative(process.cwd(), reference)} is missing: run \`pnpm docs\``);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 1000 });
  });
  afterAll(() => browser?.close());

  it.each(sections)('renders $id with its examples and responses', async ({ id, shows }) => {
    const text = await sectionText(page, id);
    for (const fragment of shows) expect(text, `${id} shows ${fragment}`).toContain(fragment);
  });

  it('saves screenshots of both operations and the webhook', async () => {
    mkdirSync(screenshots, { recursive: true });
    for (const [id, name] of [
      ['/tasks', 'operations.png'],
      ['/webhooks/taskfinishedwebhook', 'webhook.png'],
    ] as const) {
      await sectionText(page, id);
      const file = join(screenshots, name);
      await page.screenshot({ path: file });
      console.log(`screenshot of ${id}: ${relative(process.cwd(), file)}`);
    }
    const operations = await sectionText(page, '/tasks');
    expect(operations).toContain('/generateTask/wan-2-5-video');
    expect(operations).toContain('/statusTask/wan-2-5-video');
  });
});
