import type { IncomingHttpHeaders } from 'node:http';

/** The origin of an HTTP server on `host:port`, with IPv6 hosts in brackets. */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Whether a `Content-Type` names JSON: `application/json` or `application/<anything>+json`, with any parameters. */
export function isJsonMediaType(contentType: string): boolean {
  return /^\s*application\/(?:[^\s/;]+\+)?json\s*(?:;|$)/i.test(contentType);
}

/**
 * The CORS headers `prism mock` sends (its default `--cors`), so that a page on another origin may call
 * the mock: every origin, header and method is allowed.
 */
export function corsHeaders(request: IncomingHttpHeaders): Record<string, string> {
  return {
    'access-control-allow-origin': request.origin ?? '*',
    'access-control-allow-headers': request['access-control-request-headers'] ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': String(request['access-control-expose-headers'] ?? '*'),
  };
}

/** Whether a request is a browser's CORS preflight, which is answered 204 with the headers it asks for. */
export function isPreflight(method: string | undefined, request: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && !!request.origin && !!request['access-control-request-method'];
}
