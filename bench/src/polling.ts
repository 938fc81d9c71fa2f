import FakeTimers from '@sinonjs/fake-timers';
import { createWanClient, type FetchLike, type Resolution } from '@wan25/client';
import type { Check, Section } from './report.ts';

const taskId = 'task_bench';
const second = 1000;
/** The fake clock starts here; the task is created (submitted) at this instant. */
const createTime = Date.UTC(2026, 0, 1);

/** The API reference's "Latency and polling" table. */
const reference: Record<Resolution, { typicalS: [number, number]; firstPollS: number; intervalS: number }> = {
  '480p': { typicalS: [40, 120], firstPollS: 40, intervalS: 10 },
  '720p': { typicalS: [60, 180], firstPollS: 60, intervalS: 10 },
  '1080p': { typicalS: [90, 250], firstPollS: 90, intervalS: 10 },
};
/** What popular clients of similar APIs do: poll every 500 ms from the start. */
const fixedPollMs = 500;

interface Outcome {
  /** Status reads (GET) spent until the success was seen. */
  requests: number;
  /** From the task's completion to the caller holding the result, in seconds. */
  delayS: number;
}

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/**
 * Runs the real client against a simulated task finishing `finishS` seconds after its creation, on a fake
 * clock: `setTimeout`, `clearTimeout` and `Date` are faked, the injected `fetch` answers at once, and the
 * clock jumps from timer to timer, so requests and delay are exact and the run takes milliseconds.
 */
async function simulate(
  finishS: number,
  wait: (wan: ReturnType<typeof createWanClient>) => Promise<unknown>,
): Promise<Outcome> {
  // Timers made before (idle keep-alive sockets of earlier sections) are still cleared for real.
  const clock = FakeTimers.install({
    now: createTime,
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
    shouldClearNativeTimers: true,
  });
  try {
    const finishAt = createTime + finishS * second;
    let requests = 0;
    const fetch: FetchLike = async (_url, init) => {
      if (init.method === 'POST') return json({ code: 200, message: 'success', data: { taskId } });
      requests++;
      const done = Date.now() >= finishAt;
      const data = done
        ? {
            taskId,
            state: 'success',
            createTime,
            completeTime: finishAt,
            costTime: finishAt - createTime,
            resultJson: JSON.stringify({ resultUrls: ['https://example.com/video.mp4'] }),
          }
        : { taskId, state: 'processing', createTime };
      return json({ code: 200, message: 'success', data });
    };
    // A request deadline longer than the wait's own (15 min): were the clock ever to jump while a request
    // is in flight, the wait would fail loudly instead of a retry quietly adding a request.
    const wan = createWanClient({
      apiKey: 'bench-key',
      baseUrl: 'http://127.0.0.1:9',
      fetch,
      requestTimeoutMs: 86_400_000,
    });
    let settled = false;
    const result = wait(wan).finally(() => {
      settled = true;
    });
    while (!settled) await clock.nextAsync();
    await result;
    return { requests, delayS: (clock.now - finishAt) / second };
  } finally {
    clock.uninstall();
  }
}

/** The reference's recommendation, by arithmetic: first poll at `firstPollS`, then every `intervalS`. */
function recommended(resolution: Resolution, finishS: number): Outcome {
  const { firstPollS, intervalS } = reference[resolution];
  const laterPolls = Math.max(0, Math.ceil((finishS - firstPollS) / intervalS));
  return { requests: 1 + laterPolls, delayS: firstPollS + laterPolls * intervalS - finishS };
}

type Schedule = 'generate' | 'waitForTask' | 'fixed500' | 'reference';
const schedules: Record<Schedule, string> = {
  generate: 'default, wan.generate()',
  waitForTask: 'default, wan.waitForTask() after submit',
  fixed500: `fixed ${fixedPollMs} ms poll`,
  reference: 'reference (first poll + 10 s)',
};

async function outcomes(resolution: Resolution, finishS: number): Promise<Record<Schedule, Outcome>> {
  const input = { mode: 'text-to-video', prompt: 'a cat surfing at sunset', resolution } as const;
  return {
    generate: await simulate(finishS, (wan) => wan.generate(input)),
    waitForTask: await simulate(finishS, (wan) => wan.waitForTask(taskId, { resolution })),
    fixed500: await simulate(finishS, (wan) =>
      wan.waitForTask(taskId, { firstPollDelayMs: 0, pollIntervalMs: fixedPollMs }),
    ),
    reference: recommended(resolution, finishS),
  };
}

interface PollingRow {
  resolution: Resolution;
  /** A single finish time, or a sweep over the typical range in 1 s steps (then figures are means). */
  finish: string;
  outcomes: Record<Schedule, Outcome & { worstDelayS?: number }>;
}

async function sweep(resolution: Resolution): Promise<PollingRow> {
  const [from, to] = reference[resolution].typicalS;
  const runs: Record<Schedule, Outcome>[] = [];
  // Mid-second finish times: a task does not finish on a poll's instant, so the delays are not all 0.
  for (let finishS = from + 0.5; finishS < to; finishS++) runs.push(await outcomes(resolution, finishS));
  const summary = (schedule: Schedule) => {
    const all = runs.map((run) => run[schedule]);
    const mean = (pick: (outcome: Outcome) => number) =>
      all.reduce((sum, o) => sum + pick(o), 0) / all.length;
    return {
      requests: mean((o) => o.requests),
      delayS: mean((o) => o.delayS),
      worstDelayS: Math.max(...all.map((o) => o.delayS)),
    };
  };
  return {
    resolution,
    finish: `${from}.5-${to - 1}.5 s, every 1 s (mean, worst delay)`,
    outcomes: {
      generate: summary('generate'),
      waitForTask: summary('waitForTask'),
      fixed500: summary('fixed500'),
      reference: summary('reference'),
    },
  };
}

export async function measurePolling(): Promise<Section> {
  const rows: PollingRow[] = [];
  for (const resolution of Object.keys(reference) as Resolution[]) {
    const [from, to] = reference[resolution].typicalS;
    const points = [from, (from + to) / 2, to];
    if (resolution === '720p') points.splice(2, 0, 150);
    for (const finishS of points) {
      rows.push({ resolution, finish: `${finishS} s`, outcomes: await outcomes(resolution, finishS) });
    }
    rows.push(await sweep(resolution));
  }

  const mustShow = rows.find((row) => row.resolution === '720p' && row.finish === '150 s');
  if (!mustShow) throw new Error('the 720p, 150 s case is missing');
  const sweep720p = rows.find((row) => row.resolution === '720p' && row.finish.includes('every'));
  if (!sweep720p) throw new Error('the 720p sweep is missing');
  const fixedRequests = mustShow.outcomes.fixed500.requests;
  const checks: Check[] = (['generate', 'waitForTask'] as const).flatMap((schedule) => {
    const { requests, delayS } = mustShow.outcomes[schedule];
    return [
      {
        name: `720p task of 150 s: ${fixedPollMs} ms poll requests / ${schedules[schedule]} requests`,
        value: fixedRequests / requests,
        limit: 10,
        pass: fixedRequests / requests >= 10,
      },
      {
        name: `720p task of 150 s: ${schedules[schedule]} detection delay, s`,
        value: delayS,
        limit: 10,
        pass: delayS <= 10,
      },
      {
        name: `720p tasks of 60-180 s: ${schedules[schedule]} worst detection delay, s`,
        value: sweep720p.outcomes[schedule].worstDelayS ?? Number.NaN,
        limit: 10,
        pass: (sweep720p.outcomes[schedule].worstDelayS ?? Number.POSITIVE_INFINITY) <= 10,
      },
    ];
  });

  const format = (number: number) => (Number.isInteger(number) ? String(number) : number.toFixed(1));
  const cell = ({ requests, delayS, worstDelayS }: Outcome & { worstDelayS?: number }) =>
    `${format(requests)} req, ${format(delayS)} s${worstDelayS === undefined ? '' : ` (worst ${format(worstDelayS)} s)`}`;
  return {
    key: 'polling',
    title:
      '3. Polling: status requests and detection delay until a finished task is seen (fake clock, exact)',
    head: ['resolution', 'task finishes after', ...Object.values(schedules)],
    rows: rows.map((row) => [
      row.resolution,
      row.finish,
      ...(Object.keys(schedules) as Schedule[]).map((schedule) => cell(row.outcomes[schedule])),
    ]),
    notes: [
      '`generate()` knows the creation time from its submit; `waitForTask()` reads once at once to learn it.',
    ],
    data: rows,
    checks,
  };
}
