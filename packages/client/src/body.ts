import { WanResponseTooLargeError } from './errors.ts';

// Statuses whose Response may not carry a body.
const nullBodyStatuses: ReadonlySet<number> = new Set([101, 204, 205, 304]);

export interface BodyWatch {
  limitBytes: number;
  /** Aborts while the body streams in (the request deadline, the caller's signal): the body errors with its reason. */
  signal: AbortSignal;
  /** Called once the body is read to its end, fails, or is cancelled. */
  onSettled: () => void;
  /** Turns an error of the underlying stream (a reset mid-body) into the error the reader sees. */
  toError: (error: unknown) => unknown;
  describe: string;
}

function tooLarge(response: Response, watch: BodyWatch): WanResponseTooLargeError {
  return new WanResponseTooLargeError(
    `${watch.describe} answered HTTP ${response.status} with a body over ${watch.limitBytes} bytes (maxResponseBytes); it was not read`,
    { status: response.status, limitBytes: watch.limitBytes },
  );
}

/**
 * The same answer with its body counted as it streams in: past `limitBytes` (or a larger declared
 * `Content-Length`) it errors with `WanResponseTooLargeError` and the rest is never read, so an endless
 * or huge answer costs no more memory than the limit. Nothing is buffered here.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  const source = response.body;
  if (source === null || nullBodyStatuses.has(response.status)) {
    watch.onSettled();
    return response;
  }
  if (Number(response.headers.get('Content-Length')) > watch.limitBytes) {
    source.cancel().catch(() => {});
    watch.onSettled();
    throw tooLarge(response, watch);
  }
  const reader = source.getReader();
  const { signal } = watch;
  let received = 0;
  let settled = false;
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  const settle = (cancelReason?: unknown) => {
    if (settled) return;
    settled = true;
    signal.removeEventListener('abort', onAbort);
    if (cancelReason !== undefined) reader.cancel(cancelReason).catch(() => {});
    watch.onSettled();
  };
  const onAbort = () => {
    stream?.error(signal.reason);
    settle(signal.reason);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream = controller;
      signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (settled) return;
        if (done) {
          controller.close();
          settle();
          return;
        }
        received += value.byteLength;
        if (received > watch.limitBytes) {
          const error = tooLarge(response, watch);
          controller.error(error);
          settle(error);
          return;
        }
        controller.enqueue(value);
      } catch (error) {
        if (settled) return;
        controller.error(watch.toError(error));
        settle();
      }
    },
    cancel(reason) {
      settle(reason ?? 'cancelled');
    },
  });
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}
