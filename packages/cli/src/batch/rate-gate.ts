import type { FetchLike } from '@wan25/client';

const baseDelayMs = 1_000;
const maxDelayMs = 60_000;

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date. */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A `fetch` shared by every worker of a batch that holds all requests while the API is asking to slow
 * down: a 429 closes the gate for its `Retry-After`, else for a delay that doubles with each 429 in a row
 * (1 s, 2 s, 4 s, ... up to 60 s). So parallel workers back off together instead of each retrying at once.
 */
export function createRateGate(fetch: FetchLike): FetchLike {
  let openAt = 0;
  let strikes = 0;
  return async (url, init) => {
    for (let wait = openAt - Date.now(); wait > 0; wait = openAt - Date.now()) await sleep(wait, init.signal);
    const response = await fetch(url, init);
    if (response.status === 429) {
      strikes++;
      const delay =
        retryAfterMs(response.headers.get('Retry-After')) ??
        Math.min(maxDelayMs, baseDelayMs * 2 ** (strikes - 1));
      openAt = Math.max(openAt, Date.now() + delay);
    } else {
      strikes = 0;
    }
    return response;
  };
}
