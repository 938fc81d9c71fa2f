import { WanResponseTooLargeError } from './errors.ts';

// Statuses whose Response may not carry a body.
const nullBodyStatuses: ReadonlySet<number> = new Set([101, 204, 205, 304]);

export interface BodyWatch {
  limitBytes: number;
  /** Aborts while the body streams in (the request deadline, the caller's signal): reading fails with its reason. */
  signal: AbortSignal;
  /**
   * The stream ends by itself when `signal` aborts, as the platform's `fetch` makes it; a stream from a
   * caller's own `fetch` may not, and is then cancelled on abort.
   */
  streamHeedsSignal: boolean;
  /** Called once the body is read to its end, fails, or is cancelled. */
  onSettled: () => void;
  /** Turns an error of the underlying stream (a reset mid-body) into the error the reader sees. */
  toError: (error: unknown) => unknown;
  describe: string;
}

/** The body's chunks, read one at a time under a watch. */
interface WatchedChunks {
  /** The next chunk, or undefined at the end; rejects past the limit, on abort, or when the stream fails. */
  next(): Promise<Uint8Array | undefined>;
  cancel(reason: unknown): void;
}

function tooLarge(response: Response, watch: BodyWatch): WanResponseTooLargeError {
  return new WanResponseTooLargeError(
    `${watch.describe} answered HTTP ${response.status} with a body over ${watch.limitBytes} bytes (maxResponseBytes); it was not read`,
    { status: response.status, limitBytes: watch.limitBytes },
  );
}

/**
 * The answer's body under the watch, or undefined when it has none (then the watch is settled). A larger
 * declared `Content-Length` than the limit ends it at once with `WanResponseTooLargeError`, unread.
 */
function watchChunks(response: Response, watch: BodyWatch): WatchedChunks | undefined {
  const source = response.body;
  if (source === null || nullBodyStatuses.has(response.status)) {
    watch.onSettled();
    return undefined;
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
  const settle = (cancelReason?: unknown) => {
    if (settled) return;
    settled = true;
    if (!watch.streamHeedsSignal) signal.removeEventListener('abort', onAbort);
    if (cancelReason !== undefined) reader.cancel(cancelReason).catch(() => {});
    watch.onSettled();
  };
  // Cancelling ends a pending read even when the stream itself ignores the signal.
  const onAbort = () => settle(signal.reason);
  if (!watch.streamHeedsSignal) signal.addEventListener('abort', onAbort, { once: true });
  return {
    async next() {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        settle();
        throw signal.aborted ? signal.reason : watch.toError(error);
      }
      if (signal.aborted) {
        settle(signal.reason);
        throw signal.reason;
      }
      if (chunk.done) {
        settle();
        return undefined;
      }
      received += chunk.value.byteLength;
      if (received > watch.limitBytes) {
        const error = tooLarge(response, watch);
        settle(error);
        throw error;
      }
      return chunk.value;
    },
    cancel(reason) {
      settle(reason ?? 'cancelled');
    },
  };
}

/**
 * The same answer with its body counted as it streams in: past `limitBytes` it errors with
 * `WanResponseTooLargeError` and the rest is never read, so an endless or huge answer costs no more
 * memory than the limit. Nothing is buffered here.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  const chunks = watchChunks(response, watch);
  if (chunks === undefined) return response;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await chunks.next();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      chunks.cancel(reason);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}

const utf8 = new TextDecoder();

/**
 * The answer's body as text, read with the same watch as `watchBody` but in one loop: no second stream
 * and no second `Response`, for the task helpers, which read every answer whole.
 */
export async function readWatchedText(response: Response, watch: BodyWatch): Promise<string> {
  const chunks = watchChunks(response, watch);
  if (chunks === undefined) return '';
  const parts: Uint8Array[] = [];
  let length = 0;
  for (let chunk = await chunks.next(); chunk !== undefined; chunk = await chunks.next()) {
    parts.push(chunk);
    length += chunk.byteLength;
  }
  if (parts.length === 1) return utf8.decode(parts[0]);
  const whole = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.byteLength;
  }
  return utf8.decode(whole);
}
