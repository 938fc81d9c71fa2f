/** What the transport reads of a request: openapi-fetch's platform Request, or a `HelperRequest`. */
export type OutgoingRequest = Pick<Request, 'method' | 'url' | 'headers' | 'text'> & {
  readonly body: unknown;
};

/**
 * openapi-fetch's `Request` class (its public `Request` option) for the task helpers' own openapi-fetch
 * client: it keeps what the transport sends, the method, URL, headers and JSON text, instead of building
 * a platform Request (URL parsing, header checks, a signal of its own) that the platform's `fetch`
 * builds a second time. Only the task helpers' client uses it, so no middleware meets it.
 */
export class HelperRequest implements OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string | null;

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method as string; // openapi-fetch always sets it
    // openapi-fetch passes the Headers it merged (a plain object would fail loudly at the first set), and
    // the JSON text the helpers' bodySerializer gives.
    this.headers = init.headers as Headers;
    this.body = (init.body as string | undefined) ?? null;
  }

  text(): Promise<string> {
    return Promise.resolve(this.body ?? '');
  }
}
