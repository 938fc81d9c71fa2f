import type { GenerationInput, paths } from '@wan25/types';
import { GenerateTaskRequestSchema, GenerateTaskResponseSchema, toValidationIssues } from '@wan25/zod';
import createClient, { type Client } from 'openapi-fetch';
import { readEnv } from './env.ts';
import { issue, WanApiError, WanError, WanValidationError } from './errors.ts';
import { checkNumbers } from './options.ts';
import { parseRetryAfter } from './retry.ts';
import { redact } from './secret.ts';
import { toTask, type WanSucceededTask, type WanTask } from './task.ts';
import { createTransport, type FetchLike } from './transport.ts';
import { pollTask, type WaitForTaskOptions } from './wait.ts';

export const defaultBaseUrl = 'https://api.apixo.ai/api/v1';

export interface WanClientOptions {
  /** Your APIXO API key. Defaults to the `APIXO_API_KEY` environment variable where there is one. */
  apiKey?: string;
  /** Defaults to the `APIXO_BASE_URL` environment variable where there is one, else `https://api.apixo.ai/api/v1`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Retries per request after the first attempt. Default 2. */
  maxRetries?: number;
  /** Deadline of each request attempt, answer body included, in milliseconds. Default 60 s. */
  requestTimeoutMs?: number;
  /** Validate submits before sending and responses on arrival with `@wan25/zod`. Default true. */
  validate?: boolean;
  /** Extra headers on every request, e.g. `Prefer` to pick a scenario of the mock server. */
  headers?: Record<string, string>;
  /**
   * Also retry submits after a 5xx, a timeout or a dropped connection. Off by default because such a
   * submit may already have created, and billed, a task: retrying can pay for the same video twice.
   */
  unsafeRetrySubmits?: boolean;
}

/** Options of one request, overriding the client's for this call only. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** This call's per-attempt deadline, instead of the client's `requestTimeoutMs`. */
  requestTimeoutMs?: number;
  /** This call's retries, instead of the client's `maxRetries`. */
  maxRetries?: number;
  /** Headers added to the client's for this call only, e.g. `Prefer: code=429` on the mock. */
  headers?: Record<string, string>;
}

export interface SubmitOptions extends RequestOptions {
  /** Have the final status POSTed here (`request_type: callback`) instead of only polling for it. */
  callbackUrl?: string;
}

export type GetTaskOptions = RequestOptions;

/** Wait options (the resolution comes from the input, the creation time from the submit) plus the submit's. */
export interface GenerateOptions extends Omit<WaitForTaskOptions, 'resolution' | 'createdAt'> {
  callbackUrl?: string;
  /** Called with the task id once it exists, before waiting: persist it to resume after a crash. */
  onSubmitted?: (taskId: string) => void | Promise<void>;
}

export interface WanClient {
  /** Submits a task and answers with its id. Validates the request first (unless `validate: false`). */
  submit(input: GenerationInput, options?: SubmitOptions): Promise<{ taskId: string }>;
  /** Reads a task's state once. */
  getTask(taskId: string, options?: GetTaskOptions): Promise<WanTask>;
  /** Polls until the task succeeds; throws `WanTaskFailedError`, `WanTimeoutError` or the abort reason. */
  waitForTask(taskId: string, options?: WaitForTaskOptions): Promise<WanSucceededTask>;
  /** `submit`, then `onSubmitted(taskId)`, then `waitForTask` with the input's resolution. */
  generate(input: GenerationInput, options?: GenerateOptions): Promise<WanSucceededTask>;
  /** The typed openapi-fetch client, with the same auth, deadlines and retries. */
  readonly api: Client<paths>;
}

const generatePath = '/generateTask/wan-2-5-video';
const submitOperation = 'Submitting the task';
const statusPath = '/statusTask/wan-2-5-video';

/** An error body as JSON when it is JSON, else the text as it came. */
function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function resolveApiKey(apiKey = readEnv('APIXO_API_KEY')): string {
  if (!apiKey) throw new WanError('Missing API key: pass apiKey to createWanClient() or set APIXO_API_KEY');
  return apiKey;
}

function resolveBaseUrl(given: string | undefined): string {
  const fromEnv = readEnv('APIXO_BASE_URL') || undefined;
  const baseUrl = given ?? fromEnv ?? defaultBaseUrl;
  if (!/^https?:\/\/\S+$/.test(baseUrl)) {
    const path = given === undefined ? 'APIXO_BASE_URL' : 'baseUrl';
    throw new WanValidationError('Invalid client options', [
      issue(path, 'must be an http(s) URL, e.g. https://api.apixo.ai/api/v1', 'invalid_format'),
    ]);
  }
  return baseUrl.replace(/\/+$/, '');
}

export function createWanClient(options: WanClientOptions = {}): WanClient {
  checkNumbers('Invalid client options', {
    maxRetries: [options.maxRetries, 'a non-negative integer'],
    requestTimeoutMs: [options.requestTimeoutMs, 'a positive number'],
  });
  const apiKey = resolveApiKey(options.apiKey);
  const validate = options.validate ?? true;
  const transport = createTransport({
    apiKey,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    maxRetries: options.maxRetries ?? 2,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    unsafeRetrySubmits: options.unsafeRetrySubmits ?? false,
  });
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const headers = options.headers ?? {};
  const api = createClient<paths>({
    baseUrl,
    headers,
    fetch: async (request) => {
      const { response, text } = await transport(request.url, {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        ...(request.body === null ? {} : { body: await request.text() }),
      });
      const { status, statusText, headers: responseHeaders } = response;
      return new Response(text === '' ? null : text, { status, statusText, headers: responseHeaders });
    },
  });

  function apiError(operation: string, response: Response, body: unknown): WanApiError {
    const fields = (typeof body === 'object' && body !== null ? body : {}) as {
      code?: unknown;
      message?: unknown;
    };
    const detail =
      typeof fields.message === 'string'
        ? fields.message
        : typeof body === 'string' && body !== ''
          ? body.slice(0, 200)
          : response.statusText;
    const hint =
      operation === submitOperation && response.status >= 500
        ? ' (a task may have been created and billed: check before submitting again)'
        : '';
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return new WanApiError({
      status: response.status,
      message: redact(`${operation} failed with HTTP ${response.status}: ${detail}${hint}`, apiKey),
      headers: response.headers,
      body: redact(body, apiKey),
      ...(typeof fields.code === 'number' ? { apiCode: fields.code } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  /**
   * One request through the transport, its answer read as JSON. The helpers skip openapi-fetch's
   * per-call Request building: `getTask` is on every poll's hot path.
   */
  async function call(
    operation: string,
    path: string,
    body: string | undefined,
    callOptions: RequestOptions,
    subject: string,
  ): Promise<unknown> {
    const { signal, requestTimeoutMs, maxRetries } = callOptions;
    const callHeaders = { ...headers, ...callOptions.headers };
    const { response, text } = await transport(`${baseUrl}${path}`, {
      ...(body === undefined
        ? { method: 'GET', headers: callHeaders }
        : { method: 'POST', headers: { ...callHeaders, 'Content-Type': 'application/json' }, body }),
      signal,
      requestTimeoutMs,
      maxRetries,
    });
    if (!response.ok) throw apiError(operation, response, parseOrKeep(text));
    try {
      return JSON.parse(text);
    } catch {
      throw new WanValidationError(subject, [issue('(body)', 'must be JSON', 'invalid_json')]);
    }
  }

  async function submit(input: GenerationInput, { callbackUrl, ...callOptions }: SubmitOptions = {}) {
    checkRequestOptions(callOptions);
    const body =
      callbackUrl === undefined
        ? { request_type: 'async' as const, input }
        : { request_type: 'callback' as const, callback_url: callbackUrl, input };
    const wireBody = JSON.stringify(body);
    if (validate) {
      // Validate what is sent: JSON drops keys set to undefined, and turns NaN or a Date into other values.
      const sent: unknown = JSON.parse(wireBody);
      const result = GenerateTaskRequestSchema.safeParse(sent);
      if (!result.success)
        throw new WanValidationError('Invalid task request', toValidationIssues(result.error, sent));
    }
    const subject = 'Invalid submit response';
    const answer = await call(submitOperation, generatePath, wireBody, callOptions, subject);
    if (validate) {
      const result = GenerateTaskResponseSchema.safeParse(answer);
      if (!result.success) throw new WanValidationError(subject, toValidationIssues(result.error, answer));
      return { taskId: result.data.data.taskId };
    }
    const taskId = (answer as { data?: { taskId?: unknown } } | null)?.data?.taskId;
    if (typeof taskId !== 'string') {
      throw new WanValidationError(subject, [issue('data.taskId', 'must be a string', 'invalid_type')]);
    }
    return { taskId };
  }

  async function getTask(taskId: string, callOptions: GetTaskOptions = {}): Promise<WanTask> {
    if (typeof taskId !== 'string' || taskId === '') {
      throw new WanValidationError('Invalid task id', [issue('taskId', 'must be a non-empty string')]);
    }
    checkRequestOptions(callOptions);
    const subject = `Invalid status response for task ${taskId}`;
    const path = `${statusPath}?taskId=${encodeURIComponent(taskId)}`;
    const answer = await call(`Reading task ${taskId}`, path, undefined, callOptions, subject);
    return toTask(answer, subject, validate);
  }

  return {
    api,
    submit,
    getTask,
    waitForTask: (taskId, waitOptions = {}) => pollTask(getTask, taskId, waitOptions),
    async generate(input, { onSubmitted, callbackUrl, ...waitOptions } = {}) {
      const createdAt = Date.now();
      const { signal, requestTimeoutMs, headers: callHeaders } = waitOptions;
      const { taskId } = await submit(input, {
        ...(callbackUrl === undefined ? {} : { callbackUrl }),
        ...(signal ? { signal } : {}),
        ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
        ...(callHeaders === undefined ? {} : { headers: callHeaders }),
      });
      await onSubmitted?.(taskId);
      const resolution = input.resolution ?? '1080p';
      return pollTask(getTask, taskId, { ...waitOptions, resolution, createdAt });
    },
  };
}

function checkRequestOptions(options: RequestOptions): void {
  checkNumbers('Invalid request options', {
    maxRetries: [options.maxRetries, 'a non-negative integer'],
    requestTimeoutMs: [options.requestTimeoutMs, 'a positive number'],
  });
}
