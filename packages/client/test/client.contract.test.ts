import { once } from 'node:events';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  bundledSpec,
  contractApiKey,
  contractBaseUrl,
  contractCallbackTls,
  requestExamples,
  responseExamples,
} from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import {
  createWanClient,
  createWebhookHandler,
  type FetchLike,
  type GenerationInput,
  WanApiError,
  type WanClientOptions,
  type WanTask,
  WanTaskFailedError,
} from '../src/index.ts';
import { toNodeListener } from '../src/node.ts';

const submitPath = '/generateTask/wan-2-5-video';
const statusPath = '/statusTask/wan-2-5-video';

/** The real fetch, counting requests by method. */
function countingFetch() {
  const counts = { GET: 0, POST: 0 };
  const fetchLike: FetchLike = (input, init) => {
    counts[init.method as 'GET' | 'POST'] += 1;
    return fetch(input, init);
  };
  return { counts, fetch: fetchLike };
}

const wanFor = (options: Omit<WanClientOptions, 'apiKey' | 'baseUrl'> = {}) =>
  createWanClient({ apiKey: contractApiKey, baseUrl: contractBaseUrl(), ...options });

const prefer = (value: string) => ({ headers: { Prefer: value } });

const quickstart = requestExamples(submitPath, 'post').find(({ name }) => name === 'quickstart');
if (!quickstart) throw new Error('the spec has no quickstart request example');
const { input } = quickstart.value as { input: GenerationInput };

/** The documented error statuses of an operation, from the spec the mock serves. */
const errorStatuses = (path: string, method: string) =>
  Object.keys(
    (bundledSpec as { paths: Record<string, Record<string, { responses: object }>> }).paths[path]?.[method]
      ?.responses ?? {},
  )
    .filter((status) => /^\d{3}$/.test(status) && status !== '200') // not `default`, which has no status of its own
    .map(Number);

// Prism on a loaded machine can take seconds per answer.
describe('against the mock', { timeout: 30_000 }, () => {
  it('generate() submits, waits and returns the result URLs', async () => {
    const { counts, fetch } = countingFetch();
    const submitted: string[] = [];
    const task = await wanFor({ fetch }).generate(input, {
      firstPollDelayMs: 0,
      pollIntervalMs: 200,
      onSubmitted: (taskId) => void submitted.push(taskId),
    });
    expect(submitted).toEqual([expect.stringMatching(/^task_/)]);
    expect(task).toMatchObject({ state: 'success', taskId: submitted[0] });
    // The mock serves the result itself.
    expect(task.resultUrls).toEqual([expect.stringMatching(new RegExp(`^${contractBaseUrl()}/files/`))]);
    expect(counts.POST).toBe(1);
    expect(counts.GET).toBeGreaterThanOrEqual(1);
  });

  it('per-call headers pick the outcome of one task on the mock', async () => {
    const wan = wanFor();
    const { taskId } = await wan.submit(input, prefer('example=failedContentViolation'));
    const error = await wan
      .waitForTask(taskId, { firstPollDelayMs: 0, pollIntervalMs: 200 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WanTaskFailedError);
    expect(error).toMatchObject({ failCode: 'CONTENT_VIOLATION' });
  });

  it.each(responseExamples(statusPath, 'get', '200'))(
    'status scenario $name gives the typed task',
    async ({ name, value }) => {
      const expected = (value as { data: WanTask & { state: string; failCode?: string } }).data;
      const wan = wanFor(prefer(`example=${name}`));
      const task = await wan.getTask('task_12345678');
      expect(task.state).toBe(expected.state);
      if (task.state === 'failed') {
        expect(task.failCode).toBe(expected.failCode);
        const error = await wan.waitForTask('task_12345678').catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(WanTaskFailedError);
        expect(error).toMatchObject({ failCode: expected.failCode });
      }
      if (task.state === 'success') expect(task.resultUrls.length).toBeGreaterThan(0);
    },
  );

  it.each(errorStatuses(submitPath, 'post'))(
    'submit answered %i gives WanApiError, retried only on 429',
    async (status) => {
      const { counts, fetch } = countingFetch();
      const error = await wanFor({ fetch, maxRetries: 1, ...prefer(`code=${status}`) })
        .submit(input)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WanApiError);
      expect(error).toMatchObject({
        status,
        apiCode: status,
        message: expect.stringContaining(`HTTP ${status}`),
      });
      expect(counts.POST).toBe(status === 429 ? 2 : 1);
    },
  );

  it.each(errorStatuses(statusPath, 'get'))(
    'status answered %i gives WanApiError, retried when transient',
    async (status) => {
      const { counts, fetch } = countingFetch();
      const error = await wanFor({ fetch, maxRetries: 1, ...prefer(`code=${status}`) })
        .getTask('task_12345678')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WanApiError);
      expect(error).toMatchObject({ status });
      expect(counts.GET).toBe([429, 500, 502, 503, 504].includes(status) ? 2 : 1);
    },
  );

  it('the mock rejects what validate: false lets through, with its 400', async () => {
    const error = await wanFor({ validate: false })
      .submit({ mode: 'text-to-video', prompt: 'x', resolution: '480p', aspect_ratio: '4:3' } as never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400 });
  });

  it("the mock's callback reaches createWebhookHandler and parses like getTask", async () => {
    const delivered: WanTask[] = [];
    const server = createHttpsServer(
      contractCallbackTls(),
      toNodeListener(createWebhookHandler({ onTask: (task) => void delivered.push(task) })),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const callbackUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const wan = wanFor();
      const { taskId } = await wan.submit(input, { callbackUrl });
      await expect.poll(() => delivered.length, { timeout: 15_000 }).toBe(1);
      expect(delivered[0]).toEqual(await wan.getTask(taskId));
      expect(delivered[0]).toMatchObject({ taskId, state: 'success' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
