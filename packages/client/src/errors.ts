import type { ValidationIssue } from '@wan25/zod/mini';
import { wasNeverSent } from './retry.ts';

export type { ValidationIssue };

/** An issue found by the client itself (not by a generated schema), with its machine-readable code. */
export function issue(path: string, message: string, code = 'custom'): ValidationIssue {
  const found = { path, code, message };
  return found;
}

/**
 * The base class of every error this package throws; `instanceof WanError` catches them all. The
 * subclasses' fields are `declare`d and set by their constructors, so no field initializer is emitted.
 */
export class WanError extends Error {
  override name = 'WanError';

  /** A plain object for logs: the name, the message and the error's own fields (never the API key). */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause, ...fields } = this as Record<string, unknown>;
    return {
      ...fields,
      name: this.name,
      message: this.message,
      ...(cause === undefined ? {} : { cause: String(cause) }),
    };
  }
}

/** The API answered with an HTTP error status (4xx, 5xx). */
export class WanApiError extends WanError {
  override name = 'WanApiError';
  /** The HTTP status. */
  declare readonly status: number;
  /** The numeric `code` field of the error body, when it had one. */
  declare readonly apiCode: number | undefined;
  /** The answer's headers. */
  declare readonly headers: Headers;
  /**
   * The answer's `x-request-id` header, when it had one, to quote to support. The API reference
   * documents no such header; gateways in front of it often add one.
   */
  declare readonly requestId: string | undefined;
  /** How long the API asked us to wait (`Retry-After`), in milliseconds, when it said. */
  declare readonly retryAfterMs: number | undefined;
  /** The error body: parsed JSON, or (the start of) its text when it was not JSON or too long. */
  declare readonly body: unknown;

  constructor(init: {
    status: number;
    message: string;
    headers: Headers;
    apiCode?: number | undefined;
    retryAfterMs?: number | undefined;
    body: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.apiCode = init.apiCode;
    this.headers = init.headers;
    this.requestId = init.headers.get('x-request-id') ?? undefined;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), headers: Object.fromEntries(this.headers) };
  }
}

/** No HTTP answer: the connection failed or was reset. `code` is the system code, e.g. `ECONNREFUSED`. */
export class WanConnectionError extends WanError {
  override name = 'WanConnectionError';
  declare readonly code: string | undefined;
  /**
   * True only when the connection was never made (refused, DNS failure, connect timeout), so the request
   * cannot have reached the server: a submit that failed so created no task and may be sent again.
   */
  declare readonly neverSent: boolean;

  constructor(message: string, options: { cause: unknown; code?: string }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.neverSent = wasNeverSent(options.code);
  }
}

/** A request, a submit input, a response or a webhook body broke the API's schema. */
export class WanValidationError extends WanError {
  override name = 'WanValidationError';
  declare readonly issues: ValidationIssue[];
  /** True when what broke the schema was an answer of the API, so the request had been sent. */
  declare readonly fromResponse: boolean;

  constructor(subject: string, issues: ValidationIssue[], options: { fromResponse?: boolean } = {}) {
    super(`${subject}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`);
    this.issues = issues;
    this.fromResponse = options.fromResponse ?? false;
  }
}

/** The task finished in the `failed` state. */
export class WanTaskFailedError extends WanError {
  override name = 'WanTaskFailedError';
  declare readonly taskId: string;
  declare readonly failCode: string;
  declare readonly failMsg: string | undefined;

  constructor(task: { taskId: string; failCode: string; failMsg?: string | undefined }) {
    super(`Task ${task.taskId} failed with ${task.failCode}${task.failMsg ? `: ${task.failMsg}` : ''}`);
    this.taskId = task.taskId;
    this.failCode = task.failCode;
    this.failMsg = task.failMsg;
  }
}

/** A deadline passed: one request's `requestTimeoutMs`, or `waitForTask`'s `waitTimeoutMs`. */
export class WanTimeoutError extends WanError {
  override name = 'WanTimeoutError';
  declare readonly timeoutMs: number;
  /** Set when `waitForTask` gave up on this task (which may still finish later). */
  declare readonly taskId: string | undefined;

  constructor(message: string, options: { timeoutMs: number; taskId?: string }) {
    super(message);
    this.timeoutMs = options.timeoutMs;
    this.taskId = options.taskId;
  }
}

/**
 * `waitForTask` read the task in a state this version does not know `maxUnknownStateReads` times in a
 * row and stopped waiting: the API may have added or renamed a state. The task may still finish; read it
 * with `getTask`, and upgrade `@wan25/client`.
 */
export class WanUnknownStateError extends WanError {
  override name = 'WanUnknownStateError';
  declare readonly taskId: string;
  /** The state as the API sent it. */
  declare readonly rawState: string;

  constructor(task: { taskId: string; rawState: string }, reads: number) {
    super(
      `Task ${task.taskId} is in state "${task.rawState}", which this version of @wan25/client does not know ` +
        `(read ${reads} times in a row); stopped waiting. Read it with getTask() and upgrade @wan25/client.`,
    );
    this.taskId = task.taskId;
    this.rawState = task.rawState;
  }
}

/** An answer's body passed `maxResponseBytes` (counted as it streamed in); the rest was not read. */
export class WanResponseTooLargeError extends WanError {
  override name = 'WanResponseTooLargeError';
  /** The HTTP status of the answer. */
  declare readonly status: number;
  declare readonly limitBytes: number;

  constructor(message: string, options: { status: number; limitBytes: number }) {
    super(message);
    this.status = options.status;
    this.limitBytes = options.limitBytes;
  }
}
