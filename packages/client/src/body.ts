import { WanResponseTooLargeError } from './errors.ts';

export interface BodyWatch {
  limitBytes: number;
  /** Aborts while the body streams in (the request deadline, the caller's signal): reading fails with its reason. */
  signal: AbortSignal;
  /**
   * Also cancel a pending read when the signal aborts. The platform's `fetch` errors the body of an
   * aborted request itself; a caller's own `fetch` may not.
   */
  cancelOnAbort: boolean;
  /** Called once the body is read to its end, fails, or is cancelled. */
  onSettled: () => void;
  /** Turns an error of the underlying stream (a reset mid-body) into the error the reader sees. */
  toError: (error: unknown) => unknown;
  /** `GET /statusTask/...`, for messages. */
  describe: () => string;
}

function tooLarge(response: Response, watch: BodyWatch): WanResponseTooLargeError {
  return new WanResponseTooLargeError(
    `${watch.describe()} answered HTTP ${response.status} with a body over ${watch.limitBytes} bytes (maxResponseBytes); it was not read`,
    { status: response.status, limitBytes: watch.limitBytes },
  );
}

/** An answer's body, read a chunk at a time under a watch. */
interface WatchedBody {
  /** The next chunk, or undefined at the end; rejects past the limit, on abort, or when the stream fails. */
  read(): Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** Ends the watch once; with a reason, also cancels the rest of the body. */
  settle(cancelReason?: unknown): void;
}

/**
 * The answer's body under the watch, or undefined when it has none (then the watch is settled). A larger
 * declared `Content-Length` than the limit ends it at once with `WanResponseTooLargeError`, unread.
 */
function openBody(response: Response, watch: BodyWatch): WatchedBody | undefined {
  const source = response.body;
  // A Response with a null-body status (204, 304...) has a null body: its constructor refuses one.
  if (source === null) {
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
    if (watch.cancelOnAbort) signal.removeEventListener('abort', onAbort);
    if (cancelReason !== undefined) reader.cancel(cancelReason).catch(() => {});
    watch.onSettled();
  };
  const onAbort = () => settle(signal.reason);
  if (watch.cancelOnAbort) signal.addEventListener('abort', onAbort);
  return {
    async read() {
      let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
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
    settle,
  };
}

/**
 * The same answer with its body counted as it streams in: past `limitBytes` it errors with
 * `WanResponseTooLargeError` and the rest is never read, so an endless or huge answer costs no more
 * memory than the limit. Nothing is buffered here.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  const body = openBody(response, watch);
  if (body === undefined) return response;
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      try {
        const chunk = await body.read();
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      } catch (error) {
        controller.error(error);
      }
    },
    cancel(reason) {
      body.settle(reason ?? 'cancelled');
    },
  });
  return new Response(stream, response);
}

let utf8: TextDecoder | undefined;

/**
 * The answer's body as text, read with the same watch as `watchBody` but in one loop: no second stream
 * and no second `Response`, for the task helpers, which read every answer whole.
 */
export async function readWatchedText(response: Response, watch: BodyWatch): Promise<string> {
  const body = openBody(response, watch);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let chunk = await body?.read(); chunk; chunk = await body?.read()) chunks.push(chunk);
  // Decoded once, whole. A decoder without `stream` keeps no state between calls, so one serves them all.
  utf8 ??= new TextDecoder();
  return chunks.length > 1 ? new Blob(chunks).text() : utf8.decode(chunks[0]);
}
