/** Statuses a read may be retried on. A submit is retried only on 429 (unless the caller opted in). */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** The longest `Retry-After` honoured; a longer one is handed to the caller as `retryAfterMs` instead. */
export const maxRetryAfterMs = 60_000;

const baseDelayMs = 500;
const maxDelayMs = 8_000;

/**
 * System error codes meaning the connection was never made, so the request cannot have reached the
 * server: undici (Node) and Bun codes for refused connections, DNS failures and connect timeouts.
 */
const notSentCodes: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'ConnectionRefused',
]);

/** The first string `code` in an error's `cause` chain (`fetch failed` hides it one level down). */
export function systemErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True only when the code proves the request was never sent. */
export function wasNeverSent(code: string | undefined): boolean {
  return code !== undefined && notSentCodes.has(code);
}

// The three HTTP-date forms of RFC 9110 section 5.6.7: IMF-fixdate, RFC 850 and asctime.
const httpDate =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/**
 * `Retry-After` as milliseconds from now: delta-seconds (digits only) or an HTTP date. Anything else
 * ("1.5", "soon", a bare year) is undefined, so that the caller backs off as if there were none.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!httpDate.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export function backoffDelay(attempt: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}
