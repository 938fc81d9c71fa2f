import { wasNeverSent } from './retry.ts';

/** One problem found by validation: where (`input.aspect_ratio`) and which rule it broke. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The base class of every error this package throws; `instanceof WanError` catches them all. */
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
  readonly status: number;
  /** The `code` field of the error body, when it had one. */
  readonly code: number | undefined;
  /** How long the API asked us to wait (`Retry-After`), in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;
  /** The error body as received: parsed JSON, or text when it was not JSON. */
  readonly body: unknown;

  constructor(init: {
    status: number;
    message: string;
    code?: number;
    retryAfterMs?: number;
    body: unknown;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.body = init.body;
  }
}

/** No HTTP answer: the connection failed or was reset. `code` is the system code, e.g. `ECONNREFUSED`. */
export class WanConnectionError extends WanError {
  override name = 'WanConnectionError';
  readonly code: string | undefined;
  /**
   * True only when the connection was never made (refused, DNS failure, connect timeout), so the request
   * cannot have reached the server: a submit that failed so created no task and may be sent again.
   */
  readonly neverSent: boolean;

  constructor(message: string, options: { cause: unknown; code?: string }) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.neverSent = wasNeverSent(options.code);
  }
}

/** A request, a submit input, a response or a webhook body broke the API's schema. */
export class WanValidationError extends WanError {
  override name = 'WanValidationError';
  readonly issues: ValidationIssue[];

  constructor(subject: string, issues: ValidationIssue[]) {
    super(`${subject}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`);
    this.issues = issues;
  }
}

/** The task finished in the `failed` state. */
export class WanTaskFailedError extends WanError {
  override name = 'WanTaskFailedError';
  readonly taskId: string;
  readonly failCode: string;
  readonly failMsg: string | undefined;

  constructor(task: { taskId: string; failCode: string; failMsg?: string | undefined }) {
    super(`Task ${task.taskId} failed with ${task.failCode}${task.failMsg ? `: ${task.failMsg}` : ''}`);
    this.taskId = task.taskId;
    this.failCode = task.failCode;
    this.failMsg = task.failMsg;
  }
}

/** A deadline passed: one request's `timeoutMs`, or `waitForTask`'s overall `timeoutMs`. */
export class WanTimeoutError extends WanError {
  override name = 'WanTimeoutError';
  readonly timeoutMs: number;
  /** Set when `waitForTask` gave up on this task (which may still finish later). */
  readonly taskId: string | undefined;

  constructor(message: string, options: { timeoutMs: number; taskId?: string }) {
    super(message);
    this.timeoutMs = options.timeoutMs;
    this.taskId = options.taskId;
  }
}
