import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackSender } from './callbacks.ts';
import { hopHeaders, type PrismAnswer, type PrismClient } from './prism-client.ts';
import { type MockSpec, type StatusEnvelope, statusPath, submitPath } from './spec.ts';
import { defaultOutcome, describeTask, exampleAt, isFinal, type MockTask, type TaskBook } from './tasks.ts';
import { describeViolations } from './violations.ts';

export interface GatewayOptions {
  prism: PrismClient;
  spec: MockSpec;
  tasks: TaskBook;
  callbacks: CallbackSender;
  /** The bytes served for every result URL. */
  video: Buffer;
  /** Where the result files are served for a request that names no `Host`. */
  origin: () => string;
  log?: (line: string) => void;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Said after the request line when logging. */
  note?: string;
}

/**
 * The mock's request handler. Every API request goes to Prism, which checks it against the spec and
 * answers errors and examples; the gateway adds what Prism has no notion of: task ids and task clocks,
 * outcomes chosen at submit time, 400 messages that name the violation, callbacks and result files.
 */
export function createGateway(options: GatewayOptions) {
  const { prism, spec, tasks, callbacks, video, log } = options;

  async function submit(request: IncomingMessage, body: Buffer, filesUrl: string): Promise<Answer> {
    const prefer = parsePrefer(request.headers.prefer);
    // `Prefer: example=NAME` naming a status example picks the task's outcome; Prism only knows the
    // submit's own examples, so it does not see that preference.
    const outcome =
      prefer.example !== undefined && spec.statusExamples.has(prefer.example) ? prefer.example : undefined;
    const headers =
      outcome === undefined ? request.headers : { ...request.headers, prefer: prefer.without('example') };
    if (headers.prefer === '') delete headers.prefer;
    const answer = await prism.send('POST', submitPath, headers, body);
    const accepted =
      answer.status === 200 ? (parseJson(answer.body) as { data?: { taskId?: unknown } }) : undefined;
    if (typeof accepted?.data?.taskId !== 'string') return withViolations(answer);

    const submitted = JSON.parse(body.toString('utf8')) as { request_type?: string; callback_url?: string };
    const callbackUrl = submitted.request_type === 'callback' ? submitted.callback_url : undefined;
    const task = tasks.create(outcome ?? defaultOutcome, callbackUrl);
    const final = spec.statusExamples.get(task.outcome) as StatusEnvelope;
    if (callbackUrl !== undefined && isFinal(final)) {
      callbacks.schedule(callbackUrl, describeTask(task, final, filesUrl), task.completesAt);
    }
    return {
      ...json(answer, { ...accepted, data: { ...accepted.data, taskId: task.taskId } }),
      note: `${task.taskId}: ${describePlan(task, callbackUrl)}`,
    };
  }

  async function status(request: IncomingMessage, path: string, filesUrl: string): Promise<Answer> {
    const answer = await prism.send('GET', path, request.headers, Buffer.alloc(0));
    if (answer.status !== 200) return withViolations(answer);
    const task = tasks.get(new URLSearchParams(path.split('?')[1]).get('taskId') ?? '');
    // Not a task of this mock: Prism's example, as the spec gives it.
    if (task === undefined) return answer;
    // Prism has accepted the read (key, query, the example a `Prefer` header names); the task answers it.
    const name = parsePrefer(request.headers.prefer).example ?? exampleAt(task);
    const example = spec.statusExamples.get(name);
    if (example === undefined) return answer;
    return {
      ...json(answer, describeTask(task, example, filesUrl)),
      note: `${task.taskId}: ${example.data.state}`,
    };
  }

  function file(request: IncomingMessage, path: string): Answer {
    if ((request.method === 'GET' || request.method === 'HEAD') && /^\/files\/[^?]+\.mp4(\?|$)/.test(path)) {
      return { status: 200, headers: { 'content-type': 'video/mp4' }, body: video };
    }
    const body = Buffer.from(JSON.stringify({ code: 404, message: `no file at ${path.split('?')[0]}` }));
    return { status: 404, headers: { 'content-type': 'application/json' }, body };
  }

  async function answer(request: IncomingMessage, path: string): Promise<Answer> {
    const origin = request.headers.host === undefined ? options.origin() : `http://${request.headers.host}`;
    const filesUrl = `${origin}/files`;
    const pathname = path.split('?')[0];
    if (pathname?.startsWith('/files/')) return file(request, path);
    const body = await readBody(request);
    if (request.method === 'POST' && pathname === submitPath) return submit(request, body, filesUrl);
    if (request.method === 'GET' && pathname === statusPath) return status(request, path, filesUrl);
    return withViolations(await prism.send(request.method ?? 'GET', path, request.headers, body));
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    let reply: Answer;
    try {
      reply = await answer(request, path);
    } catch (error) {
      const message = `the mock could not reach its validator (Prism): ${(error as Error).message}`;
      reply = {
        status: 502,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ code: 502, message })),
        note: message,
      };
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.headers)) {
      if (value !== undefined && !hopHeaders.has(name)) headers[name] = value;
    }
    headers['content-length'] = String(reply.body.length);
    response.writeHead(reply.status, headers);
    response.end(request.method === 'HEAD' ? undefined : reply.body);
    log?.(`${request.method} ${path} -> ${reply.status}${reply.note === undefined ? '' : ` ${reply.note}`}`);
  };
}

function describePlan(task: MockTask, callbackUrl: string | undefined): string {
  const seconds = (task.completesAt - task.createdAt) / 1000;
  const callback = callbackUrl === undefined ? '' : `, then POSTs it to ${callbackUrl}`;
  return `ends as ${task.outcome} after ${seconds} s${callback}`;
}

/** A 400 from Prism's validation, its message naming what was wrong rather than the spec's example. */
function withViolations(answer: PrismAnswer): Answer {
  const header = answer.headers['sl-violations'];
  const message =
    answer.status === 400 ? describeViolations(typeof header === 'string' ? header : null) : undefined;
  const body = parseJson(answer.body);
  if (message === undefined || typeof body !== 'object' || body === null) return answer;
  return { ...json(answer, { ...body, message }), note: message };
}

function json(answer: PrismAnswer, body: unknown): Answer {
  return { status: answer.status, headers: answer.headers, body: Buffer.from(JSON.stringify(body)) };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Prefer {
  example?: string;
  /** The header without the named preference. */
  without(name: string): string;
}

/** The `Prefer` header's preferences (RFC 7240: `name=value`, separated by commas), as Prism reads them. */
function parsePrefer(header: string | string[] | undefined): Prefer {
  const parts = [header ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const nameOf = (part: string) => (part.split('=')[0] ?? '').trim().toLowerCase();
  const found = parts.find((part) => nameOf(part) === 'example');
  const example = found
    ?.slice(found.indexOf('=') + 1)
    .trim()
    .replace(/^"(.*)"$/, '$1');
  return {
    ...(found === undefined || example === undefined ? {} : { example }),
    without: (name) => parts.filter((part) => nameOf(part) !== name).join(', '),
  };
}
