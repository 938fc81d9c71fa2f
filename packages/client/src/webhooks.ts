import { WanValidationError } from './errors.ts';
import { toTask, type WanTask } from './task.ts';

const subject = 'Invalid webhook body';
const maxBodyBytes = 1024 * 1024;

/**
 * Parses a callback body (the status envelope, as text or already parsed) into the same `WanTask` that
 * `getTask` returns. Always validated: the body comes from the network. Throws `WanValidationError`.
 */
export function parseWebhook(body: string | unknown): WanTask {
  let json = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      throw new WanValidationError(subject, [{ path: '(body)', message: 'must be JSON' }]);
    }
  }
  return toTask(json, subject, true);
}

/** Decides which deliveries are new. `claim` must answer true exactly once per key, even concurrently. */
export interface WebhookDedupeStore {
  claim(key: string): boolean | Promise<boolean>;
}

export interface WebhookHandlerOptions {
  /** Called once per task and state. Runs after the 200 is sent: persist or enqueue the task first. */
  onTask: (task: WanTask) => void | Promise<void>;
  /** Receives what `onTask` throws. Default: `console.error`. */
  onError?: (error: unknown, task: WanTask) => void;
  /** Keeps the runtime alive for `onTask` after the response (e.g. `ctx.waitUntil` on edge platforms). */
  waitUntil?: (promise: Promise<unknown>) => void;
  /**
   * Remembers deliveries already handled. The default remembers the last 10,000 in this process'
   * memory; several instances behind a load balancer need a shared store (e.g. Redis `SET NX`).
   */
  dedupe?: WebhookDedupeStore;
}

/** A bounded in-memory store: the oldest keys are forgotten first. */
function memoryDedupeStore(limit = 10_000): WebhookDedupeStore {
  const seen = new Set<string>();
  return {
    claim(key) {
      if (seen.has(key)) return false;
      seen.add(key);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
      return true;
    },
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/**
 * A standard `(Request) => Promise<Response>` handler for the provider's callbacks: 405 unless POST,
 * 415 unless JSON, 413 over 1 MB, 400 for invalid bodies, and 200 as soon as a valid body is checked,
 * without waiting for `onTask` (the provider retries anything slower than 30 s). Redeliveries of a task
 * and state already seen are acknowledged without calling `onTask` again.
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const { onTask, waitUntil } = options;
  const onError =
    options.onError ?? ((error: unknown) => console.error('wan25 webhook onTask failed:', error));
  const dedupe = options.dedupe ?? memoryDedupeStore();

  return async (request) => {
    if (request.method !== 'POST') return json(405, { error: 'Method not allowed' }, { Allow: 'POST' });
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
    const key = `${task.taskId}:${task.state === 'unknown' ? task.rawState : task.state}`;
    if (await dedupe.claim(key)) {
      const work = Promise.resolve()
        .then(() => onTask(task))
        .catch((error: unknown) => onError(error, task));
      waitUntil?.(work);
    }
    return json(200, { received: true });
  };
}

/** The body as text, or undefined once it passes `limit` bytes (checked while streaming, not trusted). */
async function readText(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get('Content-Length')) > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
