import { WanResponseTooLargeError } from './errors.ts';

export interface BodyWatch {
  limitBytes: number;
  /** Aborts while the body streams in (the request deadline, the caller's signal): reading fails with its reason. */
  signal: AbortSignal;
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
    signal.removeEventListener('abort', onAbort);
    if (cancelReason !== undefined) reader.cancel(cancelReason).catch(() => {});
    watch.onSettled();
  };
  // Cancelling ends a pending read even when the stream itself ignores the signal.
  const onAbort = () => settle(signal.reason);
  signal.addEventListener('abort', onAbort);
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
  return new Response(body, response);
}

/**
 * The answer's body as text, read with the same watch as `watchBody` but in one loop: no second stream
 * and no second `Response`, for the task helpers, which read every answer whole.
 */
export async function readWatchedText(response: Response, watch: BodyWatch): Promise<string> {
  const chunks = watchChunks(response, watch);
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = await chunks?.next(); chunk; chunk = await chunks?.next()) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
