import * as z from 'zod/mini';
import { rule } from './messages.ts';

// Checks the generated schemas use where zod's own would not give the spec's verdict. Built with zod/mini,
// whose checks run in the classic schemas too, so the mini entry does not pull in the classic API.

// RFC 3986 appendix A's `URI` rule, as ajv-formats (MIT) writes it: scheme ":" hier-part [ "?" query ] [ "#" fragment ].
const rfc3986Uri =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/**
 * JSON Schema's `format: uri`: an absolute URI by RFC 3986, the check Ajv (with ajv-formats) applies to the
 * spec's URL fields. zod's own `z.url()` follows the WHATWG URL parser instead, which disagrees both ways:
 * it accepts `https://example.com/é`, `a|b` or `%zz` (RFC 3986 rejects them) and rejects port 99999 or the
 * host `999.1.1.1` (RFC 3986 accepts them). A custom check (not `z.stringFormat`) keeps zod's string-format
 * machinery out of the bundle.
 */
const invalidUri = rule('must be a valid URL (RFC 3986)');
export const uri = z.check<string>((payload) => {
  const input = payload.value;
  if (rfc3986Uri.test(input)) return;
  const issue = { code: 'invalid_format', format: 'uri', input } as const;
  payload.issues.push({ ...issue, message: invalidUri(issue) });
});

/**
 * JSON Schema's `type: integer`, checked on a `z.number()`: a finite number without a fraction, as Ajv
 * checks it. zod's `z.int()` would also refuse integers beyond 2^53 and bring its number-format checks
 * into every bundle. The issue's message is the number schema's ("must be an integer, not 1.5").
 */
export const integer = z.check<number>((payload) => {
  const input = payload.value;
  if (!Number.isInteger(input)) payload.issues.push({ code: 'invalid_type', expected: 'int', input });
});

/**
 * An array's item count, from `minimum` to `maximum`. zod's own `z.length()`, `z.minLength()` and
 * `z.maxLength()` also run on a string given where the array belongs (strings have a length too), which
 * adds a wrong second issue ("must have exactly 1 item") to "must be an array". A custom check runs only on
 * a value that passed the type check.
 */
export function itemCount(minimum: number, maximum: number, message: string) {
  return z.check<readonly unknown[]>((payload) => {
    const { length } = payload.value;
    const input = payload.value;
    if (length < minimum)
      payload.issues.push({ code: 'too_small', origin: 'array', minimum, inclusive: true, input, message });
    else if (length > maximum)
      payload.issues.push({ code: 'too_big', origin: 'array', maximum, inclusive: true, input, message });
  });
}
