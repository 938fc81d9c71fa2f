import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on a free loopback port. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>,
): Promise<TestServer> {
  const server: Server = createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** A server that answers every request with 500 and counts them: proves that nothing was sent. */
export async function startCountingServer(): Promise<TestServer & { readonly count: number }> {
  let count = 0;
  const server = await listen((_request, response) => {
    count++;
    response.writeHead(500).end();
  });
  return {
    ...server,
    get count() {
      return count;
    },
  };
}

export interface ProxiedRequest {
  method: string;
  path: string;
  /** The prompt of a submit, which identifies a batch line. */
  prompt?: string;
  /** True when the request went on to the target (false: held, or answered by the proxy itself). */
  forwarded: boolean;
}

export interface ProxyRules {
  /** Extra request headers per request, e.g. `Prefer: example=processing` for status reads. */
  headers?: (method: string, path: string) => Record<string, string>;
  /** Answer a submit with this status instead of forwarding it. */
  refuseSubmit?: (
    prompt: string | undefined,
  ) => { status: number; headers?: Record<string, string> } | undefined;
  /** Never answer (nor forward) this submit: the client waits until it is killed. */
  holdSubmit?: (prompt: string | undefined) => boolean;
}

/**
 * A proxy in front of the mock that logs every request and gives each forwarded submit its own task id
 * (`task_1`, `task_2`, ...), since the mock answers every submit with the same example id.
 */
export async function startProxy(
  target: string,
  rules: ProxyRules = {},
): Promise<TestServer & { requests: ProxiedRequest[]; setRules(next: ProxyRules): void }> {
  const requests: ProxiedRequest[] = [];
  let nextTaskId = 1;
  const proxy = { rules };
  const server = await listen(async (request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const body = await readBody(request);
    const prompt =
      method === 'POST' ? (JSON.parse(body) as { input?: { prompt?: string } }).input?.prompt : undefined;
    const entry: ProxiedRequest = {
      method,
      path,
      forwarded: false,
      ...(prompt === undefined ? {} : { prompt }),
    };
    requests.push(entry);
    if (method === 'POST' && proxy.rules.holdSubmit?.(prompt)) return;
    const refusal = method === 'POST' ? proxy.rules.refuseSubmit?.(prompt) : undefined;
    if (refusal) {
      response.writeHead(refusal.status, { 'Content-Type': 'application/json', ...refusal.headers });
      response.end(JSON.stringify({ code: refusal.status, message: 'refused by the test proxy' }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
    }
    Object.assign(headers, proxy.rules.headers?.(method, path));
    entry.forwarded = true;
    const upstream = await fetch(`${target}${path}`, {
      method,
      headers,
      ...(method === 'POST' ? { body } : {}),
    });
    let text = await upstream.text();
    if (method === 'POST' && upstream.ok) {
      const envelope = JSON.parse(text) as { data: { taskId: string } };
      envelope.data.taskId = `task_${nextTaskId++}`;
      text = JSON.stringify(envelope);
    }
    response.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('Content-Type') ?? 'application/json',
    });
    response.end(text);
  });
  return {
    ...server,
    requests,
    setRules: (next) => {
      proxy.rules = next;
    },
  };
}
