import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWanClient, type FetchLike } from '@wan25/client';
import type { Section } from './report.ts';

const waits = 200_000;
const limitMiB = 50;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMiB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 ** 2;
}

/**
 * 200,000 `waitForTask` calls in a row sharing one long-lived AbortSignal (as a server's shutdown signal
 * would be), each answered at once by an injected `fetch`: how much the heap grows once they are done.
 * A wait that tied its own signal to the shared one for good (`AbortSignal.any`) would keep every wait alive.
 */
export async function measureWaitMemory(): Promise<Section> {
  const body = JSON.stringify({
    code: 200,
    message: 'success',
    data: {
      taskId: 'task_1',
      state: 'success',
      createTime: 1,
      resultJson: JSON.stringify({ resultUrls: ['https://example.com/video.mp4'] }),
    },
  });
  const fetch: FetchLike = async () =>
    new Response(body, { headers: { 'Content-Type': 'application/json' } });
  const wan = createWanClient({ apiKey: 'bench-key-0123456789', baseUrl: 'http://127.0.0.1:9', fetch });
  const shared = new AbortController();
  const before = heapMiB();
  for (let i = 0; i < waits; i++) await wan.waitForTask('task_1', { signal: shared.signal });
  const growthMiB = heapMiB() - before;
  return {
    key: 'wait-memory',
    title: `7. Memory: ${waits.toLocaleString('en')} waitForTask() calls sharing one long-lived AbortSignal`,
    head: ['figure', 'value'],
    rows: [['heap growth after the waits (after GC)', `${growthMiB.toFixed(1)} MiB`]],
    notes: ['Each wait is answered at once by an injected fetch; the heap is measured after a full GC.'],
    data: { waits, growthMiB },
    checks: [
      {
        name: `heap growth over ${waits} waits sharing one signal, MiB`,
        value: Number(growthMiB.toFixed(1)),
        limit: limitMiB,
        pass: growthMiB < limitMiB,
      },
    ],
  };
}
