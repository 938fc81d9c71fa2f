import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

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
  /** When the proxy received it (ms since the epoch). */
  at: number;
  /** The prompt of a submit, or of the task a status read asks about: identifies a batch line. */
  prompt?: string;
  /** The status the proxy answered with; undefined while it holds the request. */
  status?: number;
  /** True when the request went on to the mock (false: held, or answered by the proxy itself). */
  forwarded: boolean;
}

export interface ProxyRules {
  /** Extra request headers, e.g. `Prefer: example=processing` for status reads of some prompts. */
  headers?: (request: ProxiedRequest) => Record<string, string>;
  /** Answer a submit with this status instead of forwarding it. */
  refuseSubmit?: (
    request: ProxiedRequest,
  ) => { status: number; headers?: Record<string, string> } | undefined;
  /** Never answer (nor forward) this submit: the client waits until it is killed. */
  holdSubmit?: (request: ProxiedRequest) => boolean;
  /** Forward this submit only after this many milliseconds. */
  delaySubmit?: (request: ProxiedRequest) => number;
}

export interface CountingProxy extends TestServer {
  requests: ProxiedRequest[];
  setRules(next: ProxyRules): void;
  /** Submits that reached the mock, per prompt. */
  forwardedSubmits(): Map<string, number>;
}

/**
 * A recording proxy in front of the mock, for what the mock cannot do: it logs every request (tagged with
 * the batch line's prompt), and holds, delays or refuses submits, or adds headers, by rule. Everything else
 * (task ids, task states on a clock, outcomes, result files) is the mock's own; answers pass unchanged.
 */
export async function startProxy(target: string, initialRules: ProxyRules = {}): Promise<CountingProxy> {
  const requests: ProxiedRequest[] = [];
  const promptOfTask = new Map<string, string>();
  let rules = initialRules;
  const server = await listen(async (request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const body = await readBody(request);
    const taskId = new URL(path, 'http://127.0.0.1').searchParams.get('taskId');
    const prompt =
      method === 'POST'
        ? (JSON.parse(body) as { input?: { prompt?: string } }).input?.prompt
        : promptOfTask.get(taskId ?? '');
    const entry: ProxiedRequest = {
      method,
      path,
      at: Date.now(),
      forwarded: false,
      ...(prompt === undefined ? {} : { prompt }),
    };
    requests.push(entry);
    if (method === 'POST' && rules.holdSubmit?.(entry)) return;
    const refusal = method === 'POST' ? rules.refuseSubmit?.(entry) : undefined;
    if (refusal) {
      entry.status = refusal.status;
      response.writeHead(refusal.status, { 'Content-Type': 'application/json', ...refusal.headers });
      response.end(JSON.stringify({ code: refusal.status, message: 'refused by the test proxy' }));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers.set(name, value);
    }
    for (const [name, value] of Object.entries(rules.headers?.(entry) ?? {})) headers.set(name, value);
    const delayMs = method === 'POST' ? (rules.delaySubmit?.(entry) ?? 0) : 0;
    if (delayMs > 0) await delay(delayMs);
    entry.forwarded = true;
    const upstream = await fetch(`${target}${path}`, {
      method,
      headers,
      ...(method === 'POST' ? { body } : {}),
    });
    const text = await upstream.text();
    if (method === 'POST' && upstream.ok && prompt !== undefined) {
      promptOfTask.set((JSON.parse(text) as { data: { taskId: string } }).data.taskId, prompt);
    }
    entry.status = upstream.status;
    response.writeHead(upstream.status, {
      'Content-Type': upstream.headers.get('content-type') ?? 'application/json',
    });
    response.end(text);
  });
  return {
    ...server,
    requests,
    setRules: (next) => {
      rules = next;
    },
    forwardedSubmits() {
      const counts = new Map<string, number>();
      for (const { method, forwarded, prompt } of requests) {
        if (method === 'POST' && forwarded && prompt !== undefined)
          counts.set(prompt, (counts.get(prompt) ?? 0) + 1);
      }
      return counts;
    },
  };
}
