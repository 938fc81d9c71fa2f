import type { GenerationInput, paths } from '@wan25/types';
import { GenerateTaskResponseSchema, toValidationIssues } from '@wan25/zod/mini';
import createClient, { type Client } from 'openapi-fetch';
import { checkedInputs, checkTaskRequest } from './check-input.ts';
import { statusRefused } from './created.ts';
import { readEnv } from './env.ts';
import { issue, WanApiError, WanError, WanValidationError } from './errors.ts';
import { checkNumbers } from './options.ts';
import { HelperRequest } from './request.ts';
import { parseRetryAfter } from './retry.ts';
import { checkApiKey, createRedactor } from './secret.ts';
import { toTask, type WanSucceededTask, type WanTask } from './task.ts';
import { type CallOptions, createTransport, type Exchange, type FetchLike } from './transport.ts';
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
  /**
   * The largest answer body read, in bytes, counted as it streams in; a larger one ends the request with
   * `WanResponseTooLargeError`. Default 1 MiB (API answers are under 2 kB).
   */
  maxResponseBytes?: number;
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
  /**
   * Submits a task and answers with its id. Validates the request first (unless `validate: false`, or
   * the input is one `checkTaskInput` returned).
   */
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

const defaultMaxResponseBytes = 1024 * 1024;
/** The most of an error body a `WanApiError` keeps (after masking the key), in characters. */
const bodyExcerptLength = 2_000;
/** The most of an error body quoted in a `WanApiError` message, in characters. */
const detailLength = 200;

function resolveApiKey(apiKey = readEnv('APIXO_API_KEY')): string {
  if (!apiKey) throw new WanError('Missing API key: pass apiKey to createWanClient() or set APIXO_API_KEY');
  checkApiKey(apiKey);
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

/** Options whose fields may also be given as undefined (what the client passes on internally). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

const cut = (text: string, length: number) =>
  text.length <= length ? text : `${text.slice(0, length)}... (${text.length} characters in all)`;

export function createWanClient(options: WanClientOptions = {}): WanClient {
  checkNumbers('Invalid client options', {
    maxRetries: [options.maxRetries, 'a non-negative integer'],
    requestTimeoutMs: [options.requestTimeoutMs, 'a positive number'],
    maxResponseBytes: [options.maxResponseBytes, 'a positive number'],
  });
  const apiKey = resolveApiKey(options.apiKey);
  const redact = createRedactor(apiKey);
  const validate = options.validate ?? true;
  const transport = createTransport({
    apiKey,
    redact,
    fetch: options.fetch,
    maxRetries: options.maxRetries ?? 2,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    unsafeRetrySubmits: options.unsafeRetrySubmits ?? false,
  });
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const headers = options.headers ?? {};
  const api = createClient<paths>({
    baseUrl,
    headers,
    fetch: (request) => transport(request, { signal: request.signal }),
  });
  // The task helpers' own client: the same transport, lighter requests (see HelperRequest).
  const helpers = createClient<paths>({
    baseUrl,
    headers,
    Request: HelperRequest as unknown as typeof Request,
  });

  /** An error answer as a `WanApiError`: the key masked first, then the body cut to an excerpt. */
  function apiError(operation: string, response: Response, body: unknown): WanApiError {
    const masked = redact(body);
    const fields = (typeof masked === 'object' && masked !== null ? masked : {}) as {
      code?: unknown;
      message?: unknown;
    };
    const text = typeof masked === 'string' ? masked : JSON.stringify(masked ?? '');
    const detail =
      typeof fields.message === 'string'
        ? fields.message
        : typeof masked === 'string' && masked !== ''
          ? masked
          : response.statusText;
    const hint =
      operation === submitOperation && !statusRefused(response.status)
        ? ' (a task may have been created and billed: check before submitting again)'
        : '';
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return new WanApiError({
      status: response.status,
      message: `${operation} failed with HTTP ${response.status}: ${cut(detail, detailLength)}${hint}`,
      headers: redact(response.headers),
      body: text.length <= bodyExcerptLength ? masked : cut(text, bodyExcerptLength),
      apiCode: typeof fields.code === 'number' ? fields.code : undefined,
      retryAfterMs,
    });
  }

  /**
   * Runs one openapi-fetch call through the transport with this call's options, and reads its answer: an
   * error answer as a `WanApiError`, a successful one as JSON (read by the transport, under its deadline).
   */
  async function call(
    operation: string,
    subject: string,
    send: (
      fetch: (request: Request) => Promise<Response>,
    ) => Promise<{ error?: unknown; response: Response }>,
    callOptions: CallOptions,
  ): Promise<unknown> {
    const exchange: Exchange = {};
    const { error, response } = await send((request) => transport(request, callOptions, exchange));
    if (!response.ok) throw apiError(operation, response, error);
    const text = await transport.readText(response, exchange);
    try {
      return JSON.parse(text);
    } catch {
      throw new WanValidationError(subject, [issue('(body)', 'must be JSON', 'invalid_json')], {
        fromResponse: true,
      });
    }
  }

  function callOptionsOf(options: Loose<RequestOptions>, signalBeforeSending?: AbortSignal): CallOptions {
    if (options.maxRetries !== undefined || options.requestTimeoutMs !== undefined) {
      checkNumbers('Invalid request options', {
        maxRetries: [options.maxRetries, 'a non-negative integer'],
        requestTimeoutMs: [options.requestTimeoutMs, 'a positive number'],
      });
    }
    return {
      signal: options.signal,
      signalBeforeSending,
      requestTimeoutMs: options.requestTimeoutMs,
      maxRetries: options.maxRetries,
    };
  }

  async function submitTask(
    input: GenerationInput,
    { callbackUrl, headers, ...requestOptions }: Loose<SubmitOptions>,
    signalBeforeSending?: AbortSignal,
  ): Promise<{ taskId: string }> {
    const callOptions = callOptionsOf(requestOptions, signalBeforeSending);
    const body =
      callbackUrl === undefined
        ? { request_type: 'async' as const, input }
        : { request_type: 'callback' as const, callback_url: callbackUrl, input };
    const wireBody = JSON.stringify(body);
    // What is sent and validated is the JSON: it drops keys set to undefined, and turns NaN or a Date into other values.
    const sent = JSON.parse(wireBody) as typeof body;
    if (validate && !(callbackUrl === undefined && checkedInputs.has(input))) checkTaskRequest(sent);
    const subject = 'Invalid submit response';
    const answer = await call(
      submitOperation,
      subject,
      (fetch) =>
        helpers.POST(generatePath, {
          body: sent,
          bodySerializer: () => wireBody,
          parseAs: 'stream',
          fetch,
          ...(headers ? { headers } : {}),
        }),
      callOptions,
    );
    if (validate) {
      const result = GenerateTaskResponseSchema.safeParse(answer);
      if (!result.success) {
        throw new WanValidationError(subject, toValidationIssues(result.error), {
          fromResponse: true,
        });
      }
      return { taskId: result.data.data.taskId };
    }
    const taskId = (answer as { data?: { taskId?: unknown } } | null)?.data?.taskId;
    if (typeof taskId !== 'string') {
      throw new WanValidationError(subject, [issue('data.taskId', 'must be a string', 'invalid_type')], {
        fromResponse: true,
      });
    }
    return { taskId };
  }

  async function getTask(
    taskId: string,
    { headers, ...requestOptions }: GetTaskOptions = {},
  ): Promise<WanTask> {
    if (typeof taskId !== 'string' || taskId === '') {
      throw new WanValidationError('Invalid task id', [issue('taskId', 'must be a non-empty string')]);
    }
    const callOptions = callOptionsOf(requestOptions);
    const subject = `Invalid status response for task ${taskId}`;
    const answer = await call(
      `Reading task ${taskId}`,
      subject,
      (fetch) =>
        helpers.GET(statusPath, {
          params: { query: { taskId } },
          parseAs: 'stream',
          fetch,
          ...(headers ? { headers } : {}),
        }),
      callOptions,
    );
    return toTask(answer, subject, validate);
  }

  return {
    api,
    submit: (input, submitOptions = {}) => submitTask(input, submitOptions),
    getTask,
    waitForTask: (taskId, waitOptions = {}) => pollTask(getTask, taskId, waitOptions),
    async generate(input, { onSubmitted, callbackUrl, ...waitOptions } = {}) {
      const createdAt = Date.now();
      const { signal, requestTimeoutMs, headers } = waitOptions;
      // The signal may stop the submit only before it is sent: once sent it may create a task, so it
      // finishes (within its own deadline) and its id reaches onSubmitted before the abort is honoured.
      const { taskId } = await submitTask(input, { callbackUrl, requestTimeoutMs, headers }, signal);
      await onSubmitted?.(taskId);
      if (signal?.aborted) throw signal.reason;
      const resolution = input.resolution ?? '1080p';
      return pollTask(getTask, taskId, { ...waitOptions, resolution, createdAt });
    },
  };
}
