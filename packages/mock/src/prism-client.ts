import { Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface PrismAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Headers that describe one hop of a connection, not the message: never copied across the mock. */
export const hopHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'date',
  'upgrade',
]);

/** Sends requests on to Prism over a pool of kept-alive connections. */
export class PrismClient {
  readonly #origin: string;
  readonly #agent = new Agent({ keepAlive: true });

  constructor(origin: string) {
    this.#origin = origin;
  }

  /** One request to Prism. Prism is stateless, so a request lost to a kept-alive socket it had just closed is sent again. */
  async send(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<PrismAnswer> {
    try {
      return await this.#send(method, path, headers, body);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return this.#send(method, path, headers, body);
    }
  }

  close(): void {
    this.#agent.destroy();
  }

  #send(method: string, path: string, given: IncomingHttpHeaders, body: Buffer): Promise<PrismAnswer> {
    const headers: IncomingHttpHeaders = {};
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined && !hopHeaders.has(name)) headers[name] = value;
    }
    if (body.length > 0) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        `${this.#origin}${path}`,
        { method, headers, agent: this.#agent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 502,
              headers: answer.headers,
              body: Buffer.concat(chunks),
            }),
          );
          answer.on('error', reject);
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const stale = outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        reject(stale ? new StaleSocketError(error.message) : error);
      });
      outgoing.end(body);
    });
  }
}

class StaleSocketError extends Error {}
