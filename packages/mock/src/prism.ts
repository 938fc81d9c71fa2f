import type { IncomingHttpHeaders } from 'node:http';
import { createLogger, type IPrismDiagnostic } from '@stoplight/prism-core';
import {
  createInstance,
  getHttpOperationsFromSpec,
  type IHttpConfig,
  type IHttpOperationConfig,
  type IHttpRequest,
  ProblemJsonError,
  UNPROCESSABLE_ENTITY,
} from '@stoplight/prism-http';
import { isJsonMediaType } from './http.ts';
import { parsePrefer } from './prefer.ts';

export interface PrismRequest {
  method: string;
  /** The path and query, as on the request line. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body as JSON (or text, for another content type); `null` for none. */
  body: unknown;
}

/** One rule of the spec a request (or Prism's own answer) broke. */
export interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

export interface PrismAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: Buffer;
  /** What the request broke: listed in the `sl-violations` header too. */
  violations: Violation[];
}

/** Prism's mock in this process: checks a request against the spec and answers it from the spec's examples. */
export interface Prism {
  answer(request: PrismRequest): Promise<PrismAnswer>;
}

/** What `prism mock` runs with: key, parameters and body checked; static examples; violations reported, not turned into errors. */
const config: IHttpConfig = {
  checkSecurity: true,
  validateRequest: true,
  validateResponse: true,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
  mock: { dynamic: false, ignoreExamples: false },
};

// @stoplight/types' DiagnosticSeverity, by value, as `prism mock` names them in `sl-violations`.
const severities = ['Error', 'Warning', 'Information', 'Hint'];
// Clients refuse answers with very long headers; `prism mock` cuts the list at this length.
const maxViolationsHeaderLength = 8 * 1024 - 100;

/** Loads `spec` (an OpenAPI document, which it may change) into Prism. */
export async function createPrism(spec: object): Promise<Prism> {
  const operations = await getHttpOperationsFromSpec(spec);
  const prism = createInstance(config, { logger: createLogger('wan25-mock', { level: 'silent' }) });
  return {
    async answer(request) {
      const url = new URL(request.url, 'http://mock');
      const preferences = readPreferences(request.headers.prefer, url.searchParams);
      if (preferences instanceof ProblemJsonError) return problem(preferences);
      const input: IHttpRequest = {
        method: request.method.toLowerCase() as IHttpRequest['method'],
        url: {
          path: url.pathname,
          ...(url.searchParams.has('__server') && { baseUrl: url.searchParams.get('__server') as string }),
          query: queryOf(url.searchParams),
        },
        headers: headersOf(request.headers),
        body: request.body,
      };
      const result = await prism.request(input, operations, {
        ...config,
        mock: { ...config.mock, ...preferences },
      })();
      if (result._tag === 'Left') return problem(result.left);
      const { output, validations } = result.right;
      const violations = [
        ...validations.input.map(violation('request')),
        ...validations.output.map(violation('response')),
      ];
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(output.headers ?? {})) headers[name.toLowerCase()] = value;
      if (violations.length > 0) {
        const list = JSON.stringify(violations);
        headers['sl-violations'] =
          list.length > maxViolationsHeaderLength
            ? `Too many violations! ${list.slice(0, maxViolationsHeaderLength)}`
            : list;
      }
      const body = serialize(output.body, headers['content-type']);
      return { status: output.statusCode, headers, body, violations };
    },
  };
}

/**
 * The example, status and generation a request asks for: from its `Prefer` header (`code=429`,
 * `example=NAME`, `dynamic=true`, `seed=S`) or, without one, its `__code`, `__example`, `__dynamic` and
 * `__seed` query parameters, as `prism mock` reads them.
 */
function readPreferences(
  header: string | string[] | undefined,
  query: URLSearchParams,
): Partial<IHttpOperationConfig> | ProblemJsonError {
  const prefer = parsePrefer(header);
  const read = (name: string) => (header ? prefer.get(name) : (query.get(`__${name}`) ?? undefined));
  const [code, example, dynamic, seed] = [read('code'), read('example'), read('dynamic'), read('seed')];
  if (code !== undefined && !/^\d{3}$/.test(code)) {
    return invalidPreference(`code must be a three-digit HTTP status, got "${code}"`);
  }
  if (dynamic !== undefined && dynamic !== 'true' && dynamic !== 'false') {
    return invalidPreference(`dynamic must be true or false, got "${dynamic}"`);
  }
  return {
    ...(code !== undefined && { code: Number(code) }),
    ...(example !== undefined && { exampleKey: example }),
    ...(dynamic !== undefined && { dynamic: dynamic === 'true' }),
    ...(seed !== undefined && { seed }),
  };
}

function invalidPreference(detail: string): ProblemJsonError {
  return ProblemJsonError.fromTemplate(UNPROCESSABLE_ENTITY, `Prefer: ${detail}`);
}

/** An error Prism raised instead of an answer (no such path or example, ...), as `prism mock` sends it. */
function problem(error: Error): PrismAnswer {
  const { status, additional } = error as Partial<ProblemJsonError>;
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  const extra = additional?.headers;
  if (typeof extra === 'object' && extra !== null) {
    for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = String(value);
  }
  const body = Buffer.from(JSON.stringify(ProblemJsonError.toProblemJson(error)));
  return { status: status || 500, headers, body, violations: [] };
}

function violation(side: 'request' | 'response') {
  return ({ path, severity, code, message }: IPrismDiagnostic): Violation => ({
    location: [side, ...(path ?? [])],
    severity: severities[severity] ?? String(severity),
    ...(code !== undefined && { code }),
    message,
  });
}

/** An answer's body as `prism mock` writes it: JSON for a JSON media type, text as it is. */
function serialize(body: unknown, contentType: string | undefined): Buffer {
  if (contentType !== undefined && isJsonMediaType(contentType)) return Buffer.from(JSON.stringify(body));
  if (body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  throw new Error(`Prism answered a body of type ${contentType ?? '(none)'}, which the mock cannot write`);
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

function headersOf(given: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
