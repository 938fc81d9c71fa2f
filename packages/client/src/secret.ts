import { issue, WanValidationError } from './errors.ts';

const mask = '[redacted]';

/**
 * Keys shorter than this are no secret (the mock accepts any key) and could occur in ordinary words
 * ("a" in "Reading task"): they are masked only in the `Bearer <key>` form the client itself sends.
 */
export const minMaskedKeyLength = 8;

/**
 * Refuses, before anything is sent, a key that cannot travel in an HTTP header: empty, or with anything
 * but visible ASCII (a line break, a control or a non-ASCII character). The error never quotes the key.
 */
export function checkApiKey(apiKey: string): void {
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new WanValidationError('Invalid client options', [
      issue(
        'apiKey',
        'must be visible ASCII characters only: it has a space, line break, control or non-ASCII character, which cannot be sent in a header',
        'invalid_format',
      ),
    ]);
  }
}

/** The forms in which a key can come back in an answer or an error: as sent, JSON-escaped, URL-encoded. */
function keyForms(secret: string): string[] {
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  // Inside a JSON string that is itself JSON-escaped (an error body quoted in another body).
  forms.add(JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1));
  if (secret.length >= minMaskedKeyLength) return [...forms];
  return [...forms].map((form) => `Bearer ${form}`);
}

function maskText(text: string, forms: string[]): string {
  let masked = text;
  for (const form of forms) {
    if (masked.includes(form))
      masked = masked.replaceAll(form, form.startsWith('Bearer ') ? `Bearer ${mask}` : mask);
  }
  return masked;
}

/**
 * A masker for one key. It returns `value` with every form of the key masked: strings directly; errors
 * as a new error of the same name with the message, stack, enumerable properties and cause chain masked;
 * `Headers` as new headers; other values through a JSON round trip. Values without the key are returned
 * as they are. Mask before truncating anything, so that no part of the key survives a cut.
 */
export function createRedactor(secret: string): <T>(value: T) => T {
  const forms = keyForms(secret);
  const redact = <T>(value: T, depth = 0): T => {
    if (typeof value === 'string') return maskText(value, forms) as T;
    if (value instanceof Error) return redactError(value, depth) as T;
    if (value instanceof Headers) {
      const headers = new Headers();
      for (const [name, item] of value) headers.append(name, maskText(item, forms));
      return headers as T;
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      return (depth > 0 ? '[unserializable value]' : value) as T;
    }
    if (json === undefined) return value;
    const masked = maskText(json, forms);
    return masked === json ? value : (JSON.parse(masked) as T);
  };
  const redactError = (error: Error, depth: number): Error => {
    const { message, stack, cause, name, ...fields } = error as Error & Record<string, unknown>;
    const masked = new Error(maskText(message, forms));
    masked.name = name;
    masked.stack = maskText(stack ?? '', forms);
    for (const [key, item] of Object.entries(fields)) {
      (masked as unknown as Record<string, unknown>)[key] = redact(item, depth + 1);
    }
    if (cause !== undefined) {
      masked.cause = depth < 5 ? redact(cause, depth + 1) : '[cause chain too deep]';
    }
    return masked;
  };
  return (value) => redact(value);
}
