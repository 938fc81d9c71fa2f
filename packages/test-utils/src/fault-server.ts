import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fault server received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

/** How the server answers one request: it writes to (or destroys) the response itself. */
export type Fault = (response: ServerResponse, request: IncomingMessage, index: number) => void;

export interface FaultServer {
  url: string;
  requests: ReceivedRequest[];
  /** The answer to every request from now on (`index` counts requests since this call). */
  answer(fault: Fault): void;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1 (a free port) that answers each request with the fault a test chose:
 * error statuses, resets, hangs, dribbled, malformed or huge bodies, redirects. Close it when the test ends.
 */
export async function startFaultServer(): Promise<FaultServer> {
  const requests: ReceivedRequest[] = [];
  let fault: Fault = (response) => response.writeHead(404).end();
  let since = 0;
  const server = createServer((request, response) => {
    requests.push({
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      authorization: request.headers.authorization,
    });
    request.resume();
    fault(response, request, requests.length - 1 - since);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      fault = next;
      since = requests.length;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const jsonHeaders = { 'Content-Type': 'application/json' };

/** Ready-made faults. */
export const faults = {
  json:
    (status: number, body: unknown, headers: Record<string, string> = {}): Fault =>
    (response) =>
      response.writeHead(status, { ...jsonHeaders, ...headers }).end(JSON.stringify(body)),
  text:
    (status: number, body: string, headers: Record<string, string> = {}): Fault =>
    (response) =>
      response.writeHead(status, headers).end(body),
  /** Closes the connection before any answer. */
  resetBeforeAnswer: (): Fault => (response) => response.socket?.destroy(),
  /** Sends the status and half the body, then closes the connection. */
  resetMidBody:
    (body: string): Fault =>
    (response) => {
      response.writeHead(200, { ...jsonHeaders, 'Content-Length': String(body.length) });
      response.write(body.slice(0, body.length / 2), () => response.socket?.destroy());
    },
  /** Never answers. */
  hang: (): Fault => () => {},
  /** Sends the status at once, then the body one byte every `everyMs`. */
  dribble:
    (body: string, everyMs: number): Fault =>
    (response) => {
      response.writeHead(200, { ...jsonHeaders, 'Content-Length': String(body.length) });
      let sent = 0;
      const timer = setInterval(() => {
        if (response.destroyed || sent >= body.length) return clearInterval(timer);
        response.write(body[sent++]);
      }, everyMs);
      response.on('close', () => clearInterval(timer));
    },
  /** A 200 whose body streams `bytes` bytes of JSON-looking text without a Content-Length. */
  endless:
    (bytes: number): Fault =>
    (response) => {
      response.writeHead(200, jsonHeaders);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < bytes && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.write('{"code":200,"message":"');
      pump();
    },
};
