const mask = '[redacted]';

/**
 * Returns `value` with every occurrence of `secret` masked: strings directly, errors as a new Error
 * with the masked message, other values through a JSON round trip. Values without the secret are
 * returned as they are.
 */
export function redact<T>(value: T, secret: string): T {
  if (typeof value === 'string') return value.replaceAll(secret, mask) as T;
  if (value instanceof Error) {
    if (!`${value.message}${value.stack}`.includes(secret)) return value;
    const masked = new Error(value.message.replaceAll(secret, mask));
    masked.name = value.name;
    return masked as T;
  }
  const json = JSON.stringify(value);
  return json?.includes(secret) ? JSON.parse(json.replaceAll(secret, mask)) : value;
}
