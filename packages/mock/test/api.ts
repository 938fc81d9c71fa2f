import { contractApiKey, contractBaseUrl } from '@wan25/test-utils';

export const submitPath = '/generateTask/wan-2-5-video';
export const statusPath = '/statusTask/wan-2-5-video';

const auth = { Authorization: `Bearer ${contractApiKey}` };

/** POSTs `body` (JSON-encoded unless it is already a string) to the submit endpoint of the contract server. */
export function submit(
  body: unknown,
  headers: Record<string, string> = auth,
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${contractBaseUrl()}${submitPath}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: signal ?? null,
  });
}

/** GETs the status of `taskId` from the contract server. */
export function getStatus(taskId: string, headers: Record<string, string> = auth): Promise<Response> {
  return fetch(`${contractBaseUrl()}${statusPath}?taskId=${encodeURIComponent(taskId)}`, { headers });
}

export const withAuth = (headers: Record<string, string>): Record<string, string> => ({
  ...auth,
  ...headers,
});

/**
 * Prism POSTs the callback example to `callback_url` for every submit, even a rejected one. Points the
 * callback at a closed loopback port (same scheme, path and query, so the body keeps its verdict) so that
 * the examples' and vectors' hosts (your-server.com, hooks.example.com) get no requests from our tests.
 */
export function keepCallbackLocal(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('callback_url' in body)) return body;
  const { callback_url } = body;
  if (typeof callback_url !== 'string' || !URL.canParse(callback_url)) return body;
  const local = new URL(callback_url);
  local.hostname = '127.0.0.1';
  local.port = '9';
  return { ...body, callback_url: local.href };
}
