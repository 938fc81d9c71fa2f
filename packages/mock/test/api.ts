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
 * Headers and body for submitting a spec example or vector: a callback-mode one gets a loopback
 * `callback_url` (same scheme, path and query, so the body keeps its verdict; a closed port) and a task
 * that never ends (`Prefer: example=processing`), so that no callback is ever sent for it, least of all to
 * the examples' and vectors' hosts (your-server.com, hooks.example.com).
 */
export function withoutCallback(body: unknown): { body: unknown; headers: Record<string, string> } {
  if (typeof body !== 'object' || body === null || !('callback_url' in body)) return { body, headers: auth };
  const { callback_url } = body;
  if (typeof callback_url !== 'string' || !URL.canParse(callback_url)) return { body, headers: auth };
  const local = new URL(callback_url);
  local.hostname = '127.0.0.1';
  local.port = '9';
  return { body: { ...body, callback_url: local.href }, headers: withAuth({ Prefer: 'example=processing' }) };
}
