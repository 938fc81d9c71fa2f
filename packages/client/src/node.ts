import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How much of a body the handler left unread is read and discarded so the kept-alive connection can
 * carry the next request (the figure Go's net/http uses); past it the connection is closed instead.
 */
const maxDrainBytes = 256 * 1024;

/**
 * Adapts a standard `(Request) => Promise<Response>` handler, such as `createWebhookHandler()`'s, to a
 * `node:http` request listener: `http.createServer(toNodeListener(handler))`. A handler that throws gets
 * a 500. After an early answer (413, 415, ...) the unread body is drained, or the connection closed,
 * so the next request on a kept-alive connection is not stuck behind it.
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    respond(handler, req, res).catch(() => res.destroy());
  };
}

async function respond(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const chunks: AsyncIterator<Buffer> | undefined =
    method === 'GET' || method === 'HEAD' ? undefined : req[Symbol.asyncIterator]();
  let status: number;
  let headers: Record<string, string>;
  let body: Uint8Array;
  try {
    const response = await handler(toRequest(req, method, chunks));
    body = new Uint8Array(await response.arrayBuffer());
    status = response.status;
    headers = Object.fromEntries(response.headers);
  } catch {
    [status, headers, body] = [500, {}, new Uint8Array()];
  }
  if (chunks && !(await drain(chunks, maxDrainBytes))) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

function toRequest(req: IncomingMessage, method: string, chunks: AsyncIterator<Buffer> | undefined) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item);
  }
  return new Request(new URL(req.url ?? '/', 'http://localhost'), {
    method,
    headers,
    body: chunks ? bodyStream(chunks) : null,
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body as a web stream that leaves the socket alone when cancelled (`Readable.toWeb`
 * destroys it), so the adapter can still drain what the handler did not read.
 */
function bodyStream(chunks: AsyncIterator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
    },
    { highWaterMark: 0 },
  );
}

/** Reads the rest of the body and discards it; false when more than `limit` bytes (or an error) remain. */
async function drain(chunks: AsyncIterator<Buffer>, limit: number): Promise<boolean> {
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) return true;
      size += value.byteLength;
      if (size > limit) return false;
    }
  } catch {
    return false;
  }
}
