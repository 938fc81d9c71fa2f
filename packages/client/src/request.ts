/** A request as the transport sends it: the headers are this request's own, so it may add to them. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | undefined;
}

/** A platform Request (what openapi-fetch builds for `wan.api`) as the transport takes it. */
export async function fromRequest(request: Request): Promise<OutgoingRequest> {
  const { method, url, headers } = request;
  return { method, url, headers, body: request.body === null ? undefined : await request.text() };
}

/**
 * openapi-fetch's `Request` class (its public `Request` option) for the task helpers' own openapi-fetch
 * client: it keeps what the transport sends, the method, URL, headers and JSON text, instead of building
 * a platform Request (URL parsing, header checks, a signal of its own) that the platform's `fetch`
 * would then build a second time. Only the task helpers' client uses it, so no middleware meets it.
 */
export class HelperRequest implements OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | undefined;

  constructor(url: string, init: RequestInit = {}) {
    if (init.body != null && typeof init.body !== 'string') {
      throw new TypeError('the task helpers send JSON text bodies only');
    }
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? undefined;
  }
}

/** The request openapi-fetch built with `HelperRequest` (its `fetch` option is typed to take a Request). */
export function helperRequest(request: Request): OutgoingRequest {
  if (request instanceof HelperRequest) return request;
  throw new TypeError("the task helpers' openapi-fetch client builds HelperRequest objects");
}
