import type { GenerationInput, paths } from '@wan25/types';
import { GenerateTaskRequestSchema, GenerateTaskResponseSchema, toValidationIssues } from '@wan25/zod';
import createClient, { type Client } from 'openapi-fetch';
import { readEnv } from './env.ts';
import { WanApiError, WanError, WanValidationError } from './errors.ts';
import { checkNumbers } from './options.ts';
import { parseRetryAfter } from './retry.ts';
import { redact } from './secret.ts';
import { type SucceededTask, type Task, toTask } from './task.ts';
import { createTransport, type FetchLike } from './transport.ts';
import { pollTask, type WaitForTaskOptions } from './wait.ts';

export const defaultBaseUrl = 'https://api.apixo.ai/api/v1';

export interface WanClientOptions {
  /** Your APIXO API key. Defaults to the `APIXO_API_KEY` environment variable where there is one. */
  apiKey?: string;
  /** Default `https://api.apixo.ai/api/v1`. */
  baseUrl?: string;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Retries per request after the first attempt. Default 2. */
  maxRetries?: number;
  /** Deadline of each request attempt, answer body included, in milliseconds. Default 60 s. */
  timeoutMs?: number;
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

export interface SubmitOptions {
  /** Have the final status POSTed here (`request_type: callback`) instead of only polling for it. */
  callbackUrl?: string;
  signal?: AbortSignal;
}

export interface GetTaskOptions {
  signal?: AbortSignal;
}

/** Wait options (the resolution comes from the input) plus the submit's. */
export interface GenerateOptions extends Omit<WaitForTaskOptions, 'resolution'> {
  callbackUrl?: string;
  /** Called with the task id once it exists, before waiting: persist it to resume after a crash. */
  onSubmitted?: (taskId: string) => void | Promise<void>;
}

export interface WanClient {
  /** Submits a task and answers with its id. Validates the request first (unless `validate: false`). */
  submit(input: GenerationInput, options?: SubmitOptions): Promise<{ taskId: string }>;
  /** Reads a task's state once. */
  getTask(taskId: string, options?: GetTaskOptions): Promise<Task>;
  /** Polls until the task succeeds; throws `WanTaskFailedError`, `WanTimeoutError` or the abort reason. */
  waitForTask(taskId: string, options?: WaitForTaskOptions): Promise<SucceededTask>;
  /** `submit`, then `onSubmitted(taskId)`, then `waitForTask` with the input's resolution. */
  generate(input: GenerationInput, options?: GenerateOptions): Promise<SucceededTask>;
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

export function createWanClient(options: WanClientOptions = {}): WanClient {
  checkNumbers('Invalid client options', {
    maxRetries: [options.maxRetries, 'a non-negative integer'],
    timeoutMs: [options.timeoutMs, 'a positive number'],
  });
  const apiKey = resolveApiKey(options.apiKey);
  const validate = options.validate ?? true;
  const transport = createTransport({
    apiKey,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    maxRetries: options.maxRetries ?? 2,
    timeoutMs: options.timeoutMs ?? 60_000,
    unsafeRetrySubmits: options.unsafeRetrySubmits ?? false,
  });
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
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
      body: redact(body, apiKey),
      ...(typeof fields.code === 'number' ? { code: fields.code } : {}),
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
    init: { body?: string; signal?: AbortSignal | undefined },
    subject: string,
  ): Promise<unknown> {
    const { response, text } = await transport(
      `${baseUrl}${path}`,
      init.body === undefined
        ? { method: 'GET', headers, signal: init.signal }
        : {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: init.body,
            signal: init.signal,
          },
    );
    if (!response.ok) throw apiError(operation, response, parseOrKeep(text));
    try {
      return JSON.parse(text);
    } catch {
      throw new WanValidationError(subject, [{ path: '(body)', message: 'must be JSON' }]);
    }
  }

  async function submit(input: GenerationInput, { callbackUrl, signal }: SubmitOptions = {}) {
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
    const answer = await call(submitOperation, generatePath, { body: wireBody, signal }, subject);
    if (validate) {
      const result = GenerateTaskResponseSchema.safeParse(answer);
      if (!result.success) throw new WanValidationError(subject, toValidationIssues(result.error, answer));
      return { taskId: result.data.data.taskId };
    }
    const taskId = (answer as { data?: { taskId?: unknown } } | null)?.data?.taskId;
    if (typeof taskId !== 'string') {
      throw new WanValidationError(subject, [{ path: 'data.taskId', message: 'must be a string' }]);
    }
    return { taskId };
  }

  async function getTask(taskId: string, { signal }: GetTaskOptions = {}): Promise<Task> {
    if (typeof taskId !== 'string' || taskId === '') {
      throw new WanValidationError('Invalid task id', [
        { path: 'taskId', message: 'must be a non-empty string' },
      ]);
    }
    const subject = `Invalid status response for task ${taskId}`;
    const path = `${statusPath}?taskId=${encodeURIComponent(taskId)}`;
    const answer = await call(`Reading task ${taskId}`, path, { signal }, subject);
    return toTask(answer, subject, validate);
  }

  return {
    api,
    submit,
    getTask,
    waitForTask: (taskId, waitOptions = {}) => pollTask(getTask, taskId, waitOptions),
    async generate(input, { onSubmitted, callbackUrl, ...waitOptions } = {}) {
      const submittedAt = Date.now();
      const { taskId } = await submit(input, {
        ...(callbackUrl === undefined ? {} : { callbackUrl }),
        ...(waitOptions.signal ? { signal: waitOptions.signal } : {}),
      });
      await onSubmitted?.(taskId);
      const resolution = input.resolution ?? '1080p';
      return pollTask(getTask, taskId, { ...waitOptions, resolution }, submittedAt);
    },
  };
}
