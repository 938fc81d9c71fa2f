import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookDelivery {
  method: string;
  /** Path and query of the request, e.g. `/webhook`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as sent. */
  rawBody: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  body: unknown;
}

export interface WebhookReceiver {
  /** Where to send deliveries, e.g. `http://127.0.0.1:43123/webhook`. */
  readonly url: string;
  /** The next delivery not yet taken, waiting up to `timeoutMs` (default 5000) for one to arrive. */
  nextDelivery(timeoutMs?: number): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

/**
 * An HTTP server on a free loopback port that answers every request with 200 and queues it, for tests
 * of callback delivery (the mock POSTs the callback example to `callback_url`; http on 127.0.0.1 works).
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const queued: WebhookDelivery[] = [];
  const waiting: Array<(delivery: WebhookDelivery) => void> = [];

  const server = createServer(async (request, response) => {
    let rawBody = '';
    for await (const chunk of request.setEncoding('utf8')) rawBody += chunk;
    response.writeHead(200).end();
    const delivery = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      rawBody,
      body: parseJson(rawBody),
    };
    const waiter = waiting.shift();
    if (waiter) waiter(delivery);
    else queued.push(delivery);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;

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
