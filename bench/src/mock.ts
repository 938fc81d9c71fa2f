import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { requestExamples } from '@wan25/test-utils';
import { median } from './measure.ts';
import { type Running, startPrismAlone } from './prism-alone.ts';
import type { Check, Section } from './report.ts';

const starts = 5;
const loadRequests = 2_000;
const concurrency = 20;
const maxRatio = 1.25;
const submitPath = '/generateTask/wan-2-5-video';
const statusPath = '/statusTask/wan-2-5-video?taskId=';
const headers = { Authorization: 'Bearer bench-key', 'Content-Type': 'application/json' };

/**
 * The mock in a worker thread of its own, as a test runner has it (vitest's global setup runs apart from
 * the test workers), importing @wan25/mock afresh: its start-up counts loading Prism, as Prism alone's
 * counts starting Node and loading Prism, and the load generator does not share an event loop with it, as
 * it does not with Prism alone.
 */
async function startMockApart(): Promise<Running> {
  const worker = new Worker(new URL('./mock-worker.ts', import.meta.url));
  const [url] = (await once(worker, 'message')) as [string];
  return {
    url,
    close: async () => {
      worker.postMessage('close');
      await once(worker, 'message');
      await worker.terminate();
    },
  };
}

const servers = { prism: startPrismAlone, mock: startMockApart };
type Subject = keyof typeof servers;

async function expectOk(response: Response): Promise<string> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

const submit = (url: string, body: string) => fetch(`${url}${submitPath}`, { method: 'POST', headers, body });

/** From starting the server to holding the first 200 answer of a status read. */
async function timeToFirstAnswer(subject: Subject): Promise<number> {
  const startedAt = performance.now();
  const server = await servers[subject]();
  try {
    await expectOk(await fetch(`${server.url}${statusPath}task_bench`, { headers }));
    return performance.now() - startedAt;
  } finally {
    await server.close();
  }
}

/**
 * `loadRequests` requests, submits and status reads alternating, from `concurrency` workers at once. The
 * reads ask for a task submitted before the run: one the mock knows (so it answers with the task's own
 * state), an example for Prism.
 */
async function requestsPerSecond(
  subject: Subject,
): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const quickstart = JSON.stringify(requestExamples(submitPath, 'post')[0]?.value);
  const server = await servers[subject]();
  try {
    const { data } = JSON.parse(await expectOk(await submit(server.url, quickstart))) as {
      data: { taskId: string };
    };
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < loadRequests) {
        const n = next++;
        const sentAt = performance.now();
        await expectOk(
          n % 2 === 0
            ? await submit(server.url, quickstart)
            : await fetch(`${server.url}${statusPath}${data.taskId}`, { headers }),
        );
        latencies.push(performance.now() - sentAt);
      }
    };
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - startedAt) / 1000;
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.ceil((p / 100) * latencies.length) - 1] ?? 0;
    return { perSecond: loadRequests / seconds, p50Ms: percentile(50), p99Ms: percentile(99) };
  } finally {
    await server.close();
  }
}

/**
 * The mock (startMockServer: its server with Prism in the same thread) against Prism alone, side by side:
 * start-up to first answer (median of a few starts, alternating) and throughput at concurrency 20.
 */
export async function measureMock(): Promise<Section> {
  const firstAnswerMs: Record<Subject, number[]> = { prism: [], mock: [] };
  for (let i = 0; i < starts; i++) {
    for (const subject of ['prism', 'mock'] as const)
      firstAnswerMs[subject].push(await timeToFirstAnswer(subject));
  }
  const load = { prism: await requestsPerSecond('prism'), mock: await requestsPerSecond('mock') };
  const startup = { prism: median(firstAnswerMs.prism), mock: median(firstAnswerMs.mock) };
  const startupRatio = startup.mock / startup.prism;
  const throughputRatio = load.prism.perSecond / load.mock.perSecond;
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const row = (subject: Subject, name: string) => [
    name,
    `${ms(startup[subject])} (${firstAnswerMs[subject].map(ms).join(', ')})`,
    `${load[subject].perSecond.toFixed(0)}/s`,
    `${load[subject].p50Ms.toFixed(1)} ms / ${load[subject].p99Ms.toFixed(1)} ms`,
  ];
  const checks: Check[] = [
    {
      name: 'mock start-up to first answer / Prism alone',
      value: startupRatio,
      limit: maxRatio,
      pass: startupRatio <= maxRatio,
    },
    {
      name: 'Prism alone requests/s / mock requests/s',
      value: throughputRatio,
      limit: maxRatio,
      pass: throughputRatio <= maxRatio,
    },
  ];
  return {
    key: 'mock',
    title: '6. Mock (startMockServer) against Prism alone',
    head: [
      'server',
      `time to first answer after start (median of ${starts})`,
      `requests/s at concurrency ${concurrency} (${loadRequests} requests, submit and status alternating)`,
      'latency p50 / p99',
    ],
    rows: [row('prism', 'Prism alone'), row('mock', 'the mock (Prism in its process)')],
    notes: [
      `Ratios: start-up ${startupRatio.toFixed(2)}x, throughput ${throughputRatio.toFixed(2)}x (limit ${maxRatio}x each).`,
    ],
    data: { firstAnswerMs, load, startupRatio, throughputRatio, concurrency, loadRequests },
    checks,
  };
}
