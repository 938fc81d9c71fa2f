// Load-tests the mock: starts it, sends 2,000 requests (submit and status, alternating) from 20
// concurrent workers, prints startup time, throughput and latency, and exits non-zero on any error.
// Run: pnpm load:mock
import { startMockServer } from '../packages/mock/src/index.ts';
import { requestExamples } from '../packages/test-utils/src/examples.ts';

const totalRequests = 2_000;
const concurrency = 20;
const submitPath = '/generateTask/wan-2-5-video';
const headers = { Authorization: 'Bearer load-test', 'Content-Type': 'application/json' };
const quickstart = JSON.stringify(requestExamples(submitPath, 'post')[0]?.value);

const startedAt = performance.now();
const mock = await startMockServer();
const startupMs = performance.now() - startedAt;

/** Sends request number `n` and returns an error message, or undefined when the answer is right. */
async function send(n: number): Promise<string | undefined> {
  const response =
    n % 2 === 0
      ? await fetch(`${mock.url}${submitPath}`, { method: 'POST', headers, body: quickstart })
      : await fetch(`${mock.url}/statusTask/wan-2-5-video?taskId=task_${n}`, { headers });
  const body = await response.json();
  if (response.status !== 200) return `${response.status} ${JSON.stringify(body)}`;
  if (typeof body?.data?.taskId !== 'string') return `no taskId in ${JSON.stringify(body)}`;
  return undefined;
}

const latenciesMs: number[] = [];
const errors: string[] = [];
let next = 0;
async function worker(): Promise<void> {
  while (next < totalRequests) {
    const n = next++;
    const sentAt = performance.now();
    // fetch() rejects with "fetch failed"; the reason (e.g. ECONNRESET) is its cause.
    const error = await send(n).catch((failure: Error) => `${failure.message} (${String(failure.cause)})`);
    latenciesMs.push(performance.now() - sentAt);
    if (error) errors.push(`request ${n}: ${error}`);
  }
}

const loadStartedAt = performance.now();
try {
  await Promise.all(Array.from({ length: concurrency }, worker));
} finally {
  await mock.close();
}
const elapsedS = (performance.now() - loadStartedAt) / 1_000;

latenciesMs.sort((a, b) => a - b);
const percentile = (p: number) =>
  (latenciesMs[Math.ceil((p / 100) * latenciesMs.length) - 1] ?? 0).toFixed(1);
console.log(`mock startup (startMockServer() until it resolves): ${startupMs.toFixed(0)} ms`);
console.log(`${totalRequests} requests at concurrency ${concurrency} in ${elapsedS.toFixed(2)} s`);
console.log(`throughput: ${(totalRequests / elapsedS).toFixed(0)} requests/s`);
console.log(
  `latency ms: p50 ${percentile(50)}, p95 ${percentile(95)}, p99 ${percentile(99)}, max ${percentile(100)}`,
);
console.log(`errors: ${errors.length}`);
if (errors.length > 0) {
  for (const error of errors.slice(0, 5)) console.error(`  ${error}`);
  process.exit(1);
}
