import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackSender } from './callbacks.ts';
import { corsHeaders, isJsonMediaType, isPreflight } from './http.ts';
import { parsePrefer } from './prefer.ts';
import type { Prism, PrismAnswer } from './prism.ts';
import { type MockSpec, type StatusEnvelope, statusPath, submitPath } from './spec.ts';
import { defaultOutcome, describeTask, exampleAt, isFinal, type MockTask, type TaskBook } from './tasks.ts';
import { describeViolations } from './violations.ts';

export interface GatewayOptions {
  prism: Prism;
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
  /** Header names in lower case. */
  headers: Record<string, string>;
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

  async function submit(
    request: IncomingMessage,
    path: string,
    body: unknown,
    filesUrl: string,
  ): Promise<Answer> {
    const prefer = parsePrefer(request.headers.prefer);
    const example = prefer.get('example');
    // `Prefer: example=NAME` naming a status example picks the task's outcome; Prism only knows the
    // submit's own examples, so it does not see that preference.
    const outcome = example !== undefined && spec.statusExamples.has(example) ? example : undefined;
    const headers =
      outcome === undefined ? request.headers : { ...request.headers, prefer: prefer.without('example') };
    if (headers.prefer === '') delete headers.prefer;
    const answer = await prism.answer({ method: 'POST', url: path, headers, body });
    const accepted =
      answer.status === 200 ? (parseJson(answer.body) as { data?: { taskId?: unknown } }) : undefined;
    if (typeof accepted?.data?.taskId !== 'string') return withViolations(answer);

    // Prism has checked the body against the spec.
    const submitted = body as { request_type?: string; callback_url?: string };
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

  async function status(
    request: IncomingMessage,
    path: string,
    body: unknown,
    filesUrl: string,
  ): Promise<Answer> {
    const answer = await prism.answer({ method: 'GET', url: path, headers: request.headers, body });
    if (answer.status !== 200) return withViolations(answer);
    const task = tasks.get(new URLSearchParams(path.split('?')[1]).get('taskId') ?? '');
    // Not a task of this mock: Prism's example, as the spec gives it.
    if (task === undefined) return answer;
    // Prism has accepted the read (key, query, the example a `Prefer` header names); the task answers it.
    const name = parsePrefer(request.headers.prefer).get('example') ?? exampleAt(task);
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
    return error(404, `no file at ${path.split('?')[0]}`);
  }

  async function answer(request: IncomingMessage, path: string): Promise<Answer> {
    const origin = request.headers.host === undefined ? options.origin() : `http://${request.headers.host}`;
    const filesUrl = `${origin}/files`;
    const pathname = path.split('?')[0];
    if (pathname?.startsWith('/files/')) return file(request, path);
    const bytes = await readBody(request);
    let body: unknown;
    try {
      body = parseBody(request.headers['content-type'], bytes);
    } catch (failure) {
      return error(400, `Request body is not valid JSON: ${(failure as Error).message}`);
    }
    if (request.method === 'POST' && pathname === submitPath) return submit(request, path, body, filesUrl);
    if (request.method === 'GET' && pathname === statusPath) return status(request, path, body, filesUrl);
    const method = request.method ?? 'GET';
    return withViolations(await prism.answer({ method, url: path, headers: request.headers, body }));
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = request.url ?? '/';
    let reply: Answer;
    if (isPreflight(request.method, request.headers)) {
      const method = request.headers['access-control-request-method'] as string;
      reply = {
        status: 204,
        headers: { 'access-control-allow-methods': method, vary: 'origin' },
        body: Buffer.alloc(0),
      };
    } else {
      try {
        reply = await answer(request, path);
      } catch (failure) {
        reply = error(500, `the mock failed to answer: ${(failure as Error).message}`);
      }
    }
    const headers = { ...reply.headers, ...corsHeaders(request.headers) };
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
  const message = answer.status === 400 ? describeViolations(answer.violations) : undefined;
  const body = parseJson(answer.body);
  if (message === undefined || typeof body !== 'object' || body === null) return answer;
  return { ...json(answer, { ...body, message }), note: message };
}

function json(answer: Answer, body: unknown): Answer {
  return { status: answer.status, headers: answer.headers, body: Buffer.from(JSON.stringify(body)) };
}

/** An error answer of the mock's own, shaped as the spec's `ErrorResponse`. */
function error(status: number, message: string): Answer {
  const body = Buffer.from(JSON.stringify({ code: status, message }));
  return { status, headers: { 'content-type': 'application/json' }, body, note: message };
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

/** A request body as Prism reads it: `null` for none, JSON for a JSON media type (a SyntaxError if malformed), otherwise text. */
function parseBody(contentType: string | undefined, body: Buffer): unknown {
  if (body.length === 0) return null;
  const text = body.toString('utf8');
  return contentType !== undefined && isJsonMediaType(contentType) ? JSON.parse(text) : text;
}
