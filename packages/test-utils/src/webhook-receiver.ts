import { once } from 'node:events';
import {
  createServer as createHttpServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { LoopbackCertificate } from './tls.ts';

export interface WebhookDelivery {
  method: string;
  /** Path and query of the request, e.g. `/webhook`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as sent. */
  rawBody: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  body: unknown;
  /** The status the receiver answered it with. */
  status: number;
}

export interface WebhookReceiverOptions {
  /** Serve https with this key and certificate (the spec only accepts https callback URLs); default http. */
  tls?: LoopbackCertificate;
  /** The status to answer the n-th delivery with (n from 1); default 200 for every one. */
  answer?: (n: number) => number;
}

export interface WebhookReceiver {
  /** Where to send deliveries, e.g. `https://127.0.0.1:43123/webhook`. */
  readonly url: string;
  /** The next delivery not yet taken, waiting up to `timeoutMs` (default 5000) for one to arrive. */
  nextDelivery(timeoutMs?: number): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

/** A server on a free loopback port that queues every request it gets, for tests of callback delivery. */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const queued: WebhookDelivery[] = [];
  const waiting: Array<(delivery: WebhookDelivery) => void> = [];
  let received = 0;

  const receive = async (request: IncomingMessage, response: ServerResponse) => {
    let rawBody = '';
    for await (const chunk of request.setEncoding('utf8')) rawBody += chunk;
    const status = options.answer?.(++received) ?? 200;
    response.writeHead(status).end();
    const delivery = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      rawBody,
      body: parseJson(rawBody),
      status,
    };
    const waiter = waiting.shift();
    if (waiter) waiter(delivery);
    else queued.push(delivery);
  };
  const server = options.tls ? createHttpsServer(options.tls, receive) : createHttpServer(receive);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const scheme = options.tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

  return {
    url,
    nextDelivery(timeoutMs = 5_000) {
      const delivery = queued.shift();
      if (delivery) return Promise.resolve(delivery);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(deliver), 1);
          reject(new Error(`no webhook delivery to ${url} within ${timeoutMs} ms`));
        }, timeoutMs);
        const deliver = (next: WebhookDelivery) => {
          clearTimeout(timer);
          resolve(next);
        };
        waiting.push(deliver);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
