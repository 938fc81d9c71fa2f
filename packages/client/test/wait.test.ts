import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWanClient,
  type WaitProgress,
  WanApiError,
  type WanTask,
  WanTaskFailedError,
  WanTimeoutError,
  WanUnknownStateError,
} from '../src/index.ts';
import {
  accepted,
  apiKey,
  baseUrl,
  type Call,
  envelope,
  errorBody,
  failed,
  fakeFetch,
  never,
  processing,
  succeeded,
  textToVideo,
} from './fake-fetch.ts';

let created: number;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-09T12:00:00Z'));
  created = Date.now();
});
afterEach(() => {
  vi.useRealTimers();
});

const client = (fetch: ReturnType<typeof fakeFetch>, maxRetries = 2) =>
  createWanClient({ apiKey, baseUrl, fetch, maxRetries });

/** A task that is processing until `afterMs` past its creation, then succeeded. */
const succeedsAfter = (afterMs: number) => () =>
  Date.now() >= created + afterMs ? succeeded('task_1', created) : processing('task_1', created);

const statusCalls = (fetch: { calls: Call[] }) => fetch.calls.filter((call) => call.method === 'GET');

/** Tracks a promise's outcome without awaiting it, so that fake time can run meanwhile. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('waitForTask polling', () => {
  it('finds a 720p task that succeeds 150 s after creation with at most 11 reads, within 10 s', async () => {
    const fetch = fakeFetch(succeedsAfter(150_000));
    const wait = track(client(fetch).waitForTask('task_1', { resolution: '720p' }));
    await vi.advanceTimersByTimeAsync(400_000);
    expect(wait.value?.resultUrls).toEqual(['https://file.apixo.ai/video.mp4']);
    const reads = statusCalls(fetch);
    expect(reads.length).toBeLessThanOrEqual(11);
    const foundAt = (reads.at(-1)?.at ?? 0) - created;
    expect(foundAt).toBeGreaterThanOrEqual(150_000);
    expect(foundAt).toBeLessThanOrEqual(160_000);
    // the recommended schedule: a first read to learn createTime, then 60 s after creation, then every 10 s
    expect(reads.map((call) => (call.at - created) / 1000)).toEqual([
      0, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150,
    ]);
  });

  it('generate() submits, reports the id, then polls from the input resolution without an extra read', async () => {
    const fetch = fakeFetch((call) => (call.method === 'POST' ? accepted() : succeedsAfter(150_000)()));
    const submitted: string[] = [];
    const run = track(
      client(fetch).generate(textToVideo, {
        onSubmitted: (taskId) => {
          submitted.push(taskId);
          expect(statusCalls(fetch)).toHaveLength(0);
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(400_000);
    expect(run.value?.state).toBe('success');
    expect(submitted).toEqual(['task_1']);
    expect(statusCalls(fetch).map((call) => (call.at - created) / 1000)).toEqual([
      60, 70, 80, 90, 100, 110, 120, 130, 140, 150,
    ]);
  });

  it('defaults the first poll to the 1080p figure when the resolution is unknown', async () => {
    const fetch = fakeFetch(succeedsAfter(95_000));
    track(client(fetch).waitForTask('task_1'));
    await vi.advanceTimersByTimeAsync(200_000);
    expect(statusCalls(fetch).map((call) => (call.at - created) / 1000)).toEqual([0, 90, 100]);
  });

  it('sends the first read of a wait without a creation time at once, before any timer runs', async () => {
    const fetch = fakeFetch(() => succeeded('task_1', created));
    const task = await client(fetch).waitForTask('task_1');
    expect(task.state).toBe('success');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('follows firstPollDelayMs and pollIntervalMs', async () => {
    const fetch = fakeFetch(succeedsAfter(9_000));
    track(client(fetch).waitForTask('task_1', { firstPollDelayMs: 5_000, pollIntervalMs: 2_000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statusCalls(fetch).map((call) => (call.at - created) / 1000)).toEqual([0, 5, 7, 9]);
  });

  it('reports an unknown state, then stops after a few reads in a row with an error naming it', async () => {
    const fetch = fakeFetch(() => envelope({ taskId: 'task_1', state: 'SUCCESS', createTime: created }));
    const seen: string[] = [];
    const wait = track(
      client(fetch).waitForTask('task_1', {
        resolution: '480p',
        onProgress: (task) => seen.push(task?.state === 'unknown' ? task.rawState : String(task?.state)),
      }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statusCalls(fetch).map((call) => (call.at - created) / 1000)).toEqual([0, 40, 50]);
    expect(seen).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(wait.error).toBeInstanceOf(WanUnknownStateError);
    expect(wait.error).toMatchObject({ taskId: 'task_1', rawState: 'SUCCESS' });
    expect((wait.error as Error).message).toMatch(/state "SUCCESS".*does not know/);
  });

  it('waits on through an unknown state that gives way to a known one', async () => {
    const fetch = fakeFetch((_, i) =>
      i === 1 || i === 2
        ? envelope({ taskId: 'task_1', state: 'queued', createTime: created })
        : i < 4
          ? processing('task_1', created)
          : succeeded('task_1', created),
    );
    const wait = track(client(fetch).waitForTask('task_1', { resolution: '480p' }));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(wait.value?.state).toBe('success');
  });

  it('names an unknown state and the last transient error in the timeout error', async () => {
    const fetch = fakeFetch((_, i) =>
      i === 0 ? envelope({ taskId: 'task_1', state: 'queued', createTime: created }) : errorBody(503, 'busy'),
    );
    const wait = track(client(fetch, 0).waitForTask('task_1', { resolution: '480p', waitTimeoutMs: 45_000 }));
    await vi.advanceTimersByTimeAsync(45_000);
    expect(wait.error).toBeInstanceOf(WanTimeoutError);
    expect((wait.error as Error).message).toMatch(/last state "queued".*last error: .*HTTP 503/);
  });

  it('reports progress with the elapsed time and the number of reads', async () => {
    const fetch = fakeFetch(succeedsAfter(50_000));
    const progress: [WanTask['state'] | undefined, WaitProgress][] = [];
    track(
      client(fetch).waitForTask('task_1', {
        resolution: '480p',
        onProgress: (t, p) => progress.push([t?.state, p]),
      }),
    );
    await vi.advanceTimersByTimeAsync(100_000);
    expect(progress).toEqual([
      ['processing', { elapsedMs: 0, polls: 1 }],
      ['processing', { elapsedMs: 40_000, polls: 2 }],
      ['success', { elapsedMs: 50_000, polls: 3 }],
    ]);
  });

  it('keeps waiting through network errors, 429 and 5xx', async () => {
    const answers = [
      () => processing('task_1', created),
      () => errorBody(502, 'upstream'),
      () => errorBody(429, 'slow down', { 'Retry-After': '30' }),
      () => new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }),
      () => succeeded('task_1', created),
    ];
    const fetch = fakeFetch((_, i) => (answers[i] ?? answers[4])?.() as Response | Error);
    const wait = track(client(fetch, 0).waitForTask('task_1', { resolution: '480p' }));
    await vi.advanceTimersByTimeAsync(200_000);
    expect(wait.value?.state).toBe('success');
    // 0: processing, 40: 502, 50: 429 asking for 30 s, 80: reset, 90: success
    expect(statusCalls(fetch).map((call) => (call.at - created) / 1000)).toEqual([0, 40, 50, 80, 90]);
  });

  it('stops at an error that waiting cannot fix', async () => {
    const fetch = fakeFetch(() => errorBody(401, 'Invalid API key'));
    const wait = track(client(fetch).waitForTask('task_1'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(wait.error).toBeInstanceOf(WanApiError);
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('waitForTask endings', () => {
  it('throws WanTaskFailedError with the fail code', async () => {
    const fetch = fakeFetch(() => failed('task_1', 'INSUFFICIENT_BALANCE'));
    const wait = track(client(fetch).waitForTask('task_1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.error).toBeInstanceOf(WanTaskFailedError);
    expect(wait.error).toMatchObject({
      taskId: 'task_1',
      failCode: 'INSUFFICIENT_BALANCE',
      failMsg: expect.any(String),
    });
  });

  it('throws WanTimeoutError at the deadline and reads no more', async () => {
    const fetch = fakeFetch(() => processing('task_1', created));
    const wait = track(client(fetch).waitForTask('task_1', { waitTimeoutMs: 120_000, resolution: '480p' }));
    await vi.advanceTimersByTimeAsync(119_999);
    expect(wait.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(wait.error).toBeInstanceOf(WanTimeoutError);
    expect(wait.error).toMatchObject({ taskId: 'task_1', timeoutMs: 120_000 });
    const reads = fetch.calls.length;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(fetch.calls).toHaveLength(reads);
  });

  it('ends at the deadline even while a read hangs', async () => {
    const fetch = fakeFetch(() => never);
    const wait = track(
      createWanClient({ apiKey, baseUrl, fetch, requestTimeoutMs: 600_000 }).waitForTask('task_1', {
        waitTimeoutMs: 30_000,
      }),
    );
    await vi.advanceTimersByTimeAsync(30_000);
    expect(wait.error).toBeInstanceOf(WanTimeoutError);
    expect(fetch.calls[0]?.signal.aborted).toBe(true);
  });

  it('rejects with the abort reason at once while sleeping, and fetches nothing after', async () => {
    const fetch = fakeFetch(() => processing('task_1', created));
    const controller = new AbortController();
    const wait = track(client(fetch).waitForTask('task_1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetch.calls).toHaveLength(1);
    const reason = new Error('user cancelled');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.error).toBe(reason);
    await vi.advanceTimersByTimeAsync(900_000);
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects with the abort reason at once during a read, and the read sees the abort', async () => {
    const fetch = fakeFetch(() => never);
    const controller = new AbortController();
    const wait = track(client(fetch).waitForTask('task_1', { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort('stop');
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.error).toBe('stop');
    expect(fetch.calls[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(900_000);
    expect(fetch.calls).toHaveLength(1);
  });

  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const fetch = fakeFetch(() => processing());
    const wait = track(client(fetch).generate(textToVideo, { signal: AbortSignal.abort('gone') }));
    await vi.advanceTimersByTimeAsync(0);
    expect(wait.error).toBe('gone');
    expect(fetch.calls).toHaveLength(0);
  });
});
