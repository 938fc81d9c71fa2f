import { startMockServer } from '@wan25/mock';
import { requestExamples } from '@wan25/test-utils';
import { median } from './measure.ts';
import type { Section } from './report.ts';

const starts = 3;
const loadRequests = 2_000;
const concurrency = 20;
const submitPath = '/generateTask/wan-2-5-video';
const statusPath = '/statusTask/wan-2-5-video?taskId=task_bench';
const headers = { Authorization: 'Bearer bench-key', 'Content-Type': 'application/json' };

async function expectOk(response: Response): Promise<void> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the mock answered ${response.status}: ${text.slice(0, 200)}`);
}

/** From calling startMockServer() to holding the first 200 answer of a status read. */
async function timeToFirstAnswer(): Promise<number> {
  const startedAt = performance.now();
  const mock = await startMockServer();
  try {
    await expectOk(await fetch(`${mock.url}${statusPath}`, { headers }));
    return performance.now() - startedAt;
  } finally {
    await mock.close();
  }
}

/** `loadRequests` requests, submits and status reads alternating, from `concurrency` workers at once. */
async function requestsPerSecond(): Promise<{ perSecond: number; p50Ms: number; p99Ms: number }> {
  const quickstart = JSON.stringify(requestExamples(submitPath, 'post')[0]?.value);
  const mock = await startMockServer();
  try {
    const latencies: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < loadRequests) {
        const n = next++;
        const sentAt = performance.now();
        await expectOk(
          n % 2 === 0
            ? await fetch(`${mock.url}${submitPath}`, { method: 'POST', headers, body: quickstart })
            : await fetch(`${mock.url}${statusPath}`, { headers }),
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
    await mock.close();
  }
}

/** The Prism mock: start-up to first answer (median of a few starts) and throughput at concurrency 20. */
export async function measureMock(): Promise<Section> {
  const firstAnswerMs: number[] = [];
  for (let i = 0; i < starts; i++) firstAnswerMs.push(await timeToFirstAnswer());
  const load = await requestsPerSecond();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return {
    key: 'mock',
    title: '6. Mock (Prism via startMockServer)',
    head: ['figure', 'value'],
    rows: [
      [
        `time to first answer after start (median of ${starts})`,
        `${ms(median(firstAnswerMs))} (${firstAnswerMs.map(ms).join(', ')})`,
      ],
      [
        `requests/s at concurrency ${concurrency} (${loadRequests} requests, submit and status alternating)`,
        `${load.perSecond.toFixed(0)}/s (latency p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms)`,
      ],
    ],
    data: { firstAnswerMs, ...load, concurrency, loadRequests },
    checks: [],
  };
}
