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

  it.each([
    ['/tasks', 'operations.png', ['/generateTask/wan-2-5-video', '/statusTask/wan-2-5-video']],
    [
      '/webhooks/taskfinishedwebhook',
      'webhook.png',
      ['Final task status, POSTed to your callback_url', 'taskFinished'],
    ],
  ])('saves a screenshot of %s showing what matters', async (id, name, visible) => {
    await sectionText(page, id);
    // What the screenshot must show is rendered inside the viewport, not just somewhere in the page.
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    for (const text of visible) {
      const box = await page.locator(`[data-section-id="${id}"]`).getByText(text).first().boundingBox();
      expect(box, `${text} is rendered`).not.toBeNull();
      expect(box && box.y >= 0 && box.y + box.height <= viewport.height, `${text} is in the viewport`).toBe(
        true,
      );
    }
    const file = join(screenshots, name);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: file });
    console.log(`screenshot of ${id}: ${relative(process.cwd(), file)}`);
  });
});
