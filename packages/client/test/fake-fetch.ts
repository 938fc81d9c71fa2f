import type { FetchLike } from '../src/index.ts';

export const apiKey = 'sk-test-4f9a1c2e7b';
export const baseUrl = 'https://api.test/api/v1';

/** One request the client made, as the fake server saw it. */
export interface Call {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal;
  /** Date.now() when it was sent (fake time under fake timers). */
  at: number;
}

type Answer = Response | Error | (() => Response | Promise<Response>);

/**
 * A `fetch` that records every call and answers from `answer(call, index)`: a Response, an Error to
 * reject with, or a function (e.g. one that never settles). It honours the abort signal like fetch.
 */
export function fakeFetch(answer: (call: Call, index: number) => Answer): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fetch = (input: string, init: RequestInit) => {
    const signal = init.signal as AbortSignal;
    const call: Call = {
      url: new URL(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal,
      at: Date.now(),
    };
    calls.push(call);
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      const result = answer(call, calls.length - 1);
      if (result instanceof Error) reject(result);
      else if (result instanceof Response) resolve(result);
      else Promise.resolve(result()).then(resolve, reject);
    });
  };
  return Object.assign(fetch, { calls });
}

export const never = () => new Promise<Response>(() => {});

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

export const envelope = (data: Record<string, unknown>) => json(200, { code: 200, message: 'success', data });

export const errorBody = (status: number, message: string, headers: Record<string, string> = {}) =>
  json(status, { code: status, message }, headers);

export const accepted = (taskId = 'task_1') => envelope({ taskId });

export const createTime = 1_767_965_610_929;

export const pending = (taskId = 'task_1', created = createTime) =>
  envelope({ taskId, state: 'pending', createTime: created });

export const processing = (taskId = 'task_1', created = createTime) =>
  envelope({ taskId, state: 'processing', createTime: created });

export const succeeded = (
  taskId = 'task_1',
  created = createTime,
  urls = ['https://file.apixo.ai/video.mp4'],
) =>
  envelope({
    taskId,
    state: 'success',
    resultJson: JSON.stringify({ resultUrls: urls }),
    createTime: created,
    completeTime: created + 141_388,
    costTime: 141_388,
  });

export const failed = (taskId = 'task_1', failCode = 'CONTENT_VIOLATION') =>
  envelope({ taskId, state: 'failed', failCode, failMsg: 'The prompt failed safety checks', createTime });

/** What undici throws when a connection is refused or reset: `TypeError('fetch failed')` with a coded cause. */
export const networkError = (code: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });

export const textToVideo = {
  mode: 'text-to-video',
  prompt: 'clouds over a lake',
  resolution: '720p',
} as const;
