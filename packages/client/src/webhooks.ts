import { raceAbort } from './abort.ts';
import type { WanClient } from './client.ts';
import { issue, WanError, WanTimeoutError, WanValidationError } from './errors.ts';
import { toTask, type WanTask } from './task.ts';
import { readText } from './webhooks-body.ts';
import { memoryDedupeStore, type WebhookDedupeStore } from './webhooks-dedupe.ts';
import { createTokenCheck } from './webhooks-token.ts';

export type { WebhookDedupeStore } from './webhooks-dedupe.ts';

const subject = 'Invalid webhook body';
const maxBodyBytes = 1024 * 1024;
/** The provider gives up on a delivery not answered 200 within 30 s, and delivers it again later. */
const providerTimeoutMs = 30_000;
const defaultDeadlineMs = 20_000;

/**
 * Parses a callback body (the status envelope, as text or already parsed JSON) into the same `WanTask`
 * that `getTask` returns. Always validated: the body comes from the network. Throws `WanValidationError`.
 */
export function parseWebhook(body: string | object): WanTask {
  let json: unknown = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      throw new WanValidationError(subject, [issue('(body)', 'must be JSON', 'invalid_json')]);
    }
  }
  return toTask(json, subject, true);
}

export interface WebhookTaskContext {
  /** Aborts when the handler's deadline passes (not with `acknowledgeFirst`): stop and let it redeliver. */
  signal: AbortSignal;
}

export interface WebhookHandlerOptions {
  /**
   * Called with each new task and state, before the answer: the delivery is acknowledged (200) only once
   * it resolves, so a throw or the deadline makes the provider deliver it again. It may therefore run
   * more than once for the same task: make it idempotent.
   */
  onTask: (task: WanTask, context: WebhookTaskContext) => void | Promise<void>;
  /**
   * Receives why a delivery was not handled: what `onTask` threw, its deadline, a failed confirmation or
   * dedupe store, with the delivered task. What it throws is caught. Default: `console.error`.
   */
  onError?: (error: unknown, task: WanTask) => void | Promise<void>;
  /**
   * Remembers deliveries already handled. The default remembers the last 10,000 in this process'
   * memory; several instances behind a load balancer need a shared store, e.g.
   * `createRedisDedupeStore` from `@wan25/client/redis`.
   */
  dedupe?: WebhookDedupeStore;
  /**
   * How long confirming, claiming and `onTask` may take before the handler gives up and answers 503, in
   * milliseconds from the request. Default 20 s; must stay below the provider's 30 s.
   */
  deadlineMs?: number;
  /**
   * Answer 200 before `onTask` runs, as soon as the delivery is valid (and confirmed): at most once. The
   * provider never redelivers, so a failed `onTask` only reaches `onError`. For handlers that enqueue
   * elsewhere and must answer fast whatever happens.
   */
  acknowledgeFirst?: boolean;
  /** With `acknowledgeFirst`: keeps the runtime alive for `onTask` after the answer (`ctx.waitUntil`). */
  waitUntil?: (promise: Promise<unknown>) => void;
  /**
   * Reads each delivered task from the API with this client before anything else, and hands `onTask`
   * the API's task instead of the posted one. A delivery whose state the API does not report is
   * answered 409 and never reaches `onTask`; when the API cannot be read, 503 (the provider retries).
   */
  confirmWith?: Pick<WanClient, 'getTask'>;
  /**
   * A secret that deliveries must carry as the `token` query parameter of the callback URL (submit with
   * `callbackUrl: https://example.com/hook?token=...`); others are answered 401. Several tokens are
   * accepted while one is rotated out.
   */
  token?: string | readonly string[];
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });
const received = () => json(200, { received: true });
/** Any answer but 200 makes the provider deliver again, about 30 s later. */
const deliverAgain = (status: 409 | 500 | 503) => json(status, { error: 'Not handled; deliver again' });

/** A key per task and state: a task is delivered once per final state it reaches. */
const stateOf = (task: WanTask) => (task.state === 'unknown' ? task.rawState : task.state);

/**
 * A standard `(Request) => Promise<Response>` handler for the provider's callbacks: 405 unless POST,
 * 401 without the `token` (when one is set), 415 unless JSON, 413 over 1 MB, 400 for invalid bodies.
 * A valid delivery is confirmed (with `confirmWith`), claimed in the dedupe store, and passed to
 * `onTask`; the answer is 200 once `onTask` resolved, else non-200 with the claim released, so the
 * provider delivers it again. Redeliveries of a task and state already handled get 200 at once.
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { onTask, confirmWith, acknowledgeFirst = false, waitUntil } = options;
  const deadlineMs = options.deadlineMs ?? defaultDeadlineMs;
  if (!(deadlineMs > 0 && deadlineMs < providerTimeoutMs)) {
    throw new WanValidationError('Invalid webhook handler options', [
      issue(
        'deadlineMs',
        `must be a positive number below ${providerTimeoutMs} (the provider's timeout)`,
        'invalid_value',
      ),
    ]);
  }
  const hasToken = options.token === undefined ? undefined : createTokenCheck(options.token);
  const dedupe = options.dedupe ?? memoryDedupeStore();
  const log = (error: unknown) => console.error('wan25 webhook not handled:', error);
  const onError = options.onError ?? log;
  /** Reports without ever throwing: a failing reporter must not take the process down. */
  const report = async (error: unknown, task: WanTask) => {
    try {
      await onError(error, task);
    } catch (reportError) {
      log(reportError);
    }
  };
  /** Makes a claimed delivery claimable again, so the provider's redelivery runs `onTask`. */
  const release = async (key: string, task: WanTask) => {
    try {
      await dedupe.release(key);
    } catch (error) {
      await report(error, task);
    }
  };

  async function handle(request: Request, signal: AbortSignal): Promise<Response> {
    if (request.method !== 'POST') return json(405, { error: 'Method not allowed' }, { Allow: 'POST' });
    if (hasToken && !(await hasToken(request.url))) return json(401, { error: 'Wrong token' });
    const mediaType = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json')
      return json(415, { error: 'Content-Type must be application/json' });
    const text = await readText(request, maxBodyBytes);
    if (text === undefined) return json(413, { error: `Body larger than ${maxBodyBytes} bytes` });

    let task: WanTask;
    try {
      task = parseWebhook(text);
    } catch (error) {
      if (!(error instanceof WanValidationError)) throw error;
      return json(400, { error: error.message, issues: error.issues });
    }

    if (confirmWith) {
      let confirmed: WanTask;
      try {
        confirmed = await raceAbort(confirmWith.getTask(task.taskId, { signal }), signal);
      } catch (error) {
        await report(error, task);
        return deliverAgain(503);
      }
      if (stateOf(confirmed) !== stateOf(task)) {
        const error = new WanError(
          `Webhook says task ${task.taskId} is ${stateOf(task)}; the API says ${stateOf(confirmed)}`,
        );
        await report(error, task);
        return deliverAgain(409);
      }
      task = confirmed;
    }

    const key = `${task.taskId}:${stateOf(task)}`;
    const claim = Promise.resolve().then(() => dedupe.claim(key));
    try {
      if (!(await raceAbort(claim, signal))) return received();
    } catch (error) {
      // A claim that lands after the deadline must not keep the redelivery from running onTask.
      if (signal.aborted)
        void claim.then(
          (won) => (won ? release(key, task) : undefined),
          () => {},
        );
      await report(error, task);
      return deliverAgain(503);
    }

    const run = (context: WebhookTaskContext) => Promise.resolve().then(() => onTask(task, context));
    if (acknowledgeFirst) {
      const work = run({ signal }).catch((error) => report(error, task)); // no deadline: never aborts
      waitUntil?.(work);
      return received();
    }
    try {
      await raceAbort(run({ signal }), signal);
      return received();
    } catch (error) {
      await release(key, task);
      await report(error, task);
      return deliverAgain(signal.aborted ? 503 : 500);
    }
  }

  return async (request) => {
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(
          new WanTimeoutError(`Webhook not handled within ${deadlineMs} ms`, {
            timeoutMs: deadlineMs,
          }),
        ),
      deadlineMs,
    );
    try {
      return await handle(request, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  };
}
