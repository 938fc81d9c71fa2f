import { issue, WanValidationError } from './errors.ts';

const minTokenLength = 16;
const encoder = new TextEncoder();
const sha256 = async (text: string) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/**
 * Checks the `token` query parameter of a callback URL against the accepted tokens (several while one
 * is being rotated out). Both sides are hashed first, so the comparison takes the same time whatever
 * the token's length or content, with Web Crypto only: it runs on Node, Bun, Deno and edge runtimes.
 */
export function createTokenCheck(tokens: string | readonly string[]): (url: string) => Promise<boolean> {
  const accepted = typeof tokens === 'string' ? [tokens] : [...tokens];
  if (accepted.length === 0 || accepted.some((token) => !(token?.length >= minTokenLength))) {
    throw new WanValidationError('Invalid webhook handler options', [
      issue('token', `must be secrets of at least ${minTokenLength} characters`, 'too_small'),
    ]);
  }
  const digests = Promise.all(accepted.map(sha256));

  return async (url) => {
    const presented = await sha256(new URL(url).searchParams.get('token') ?? '');
    return (await digests).map((digest) => equalBytes(digest, presented)).includes(true);
  };
}

/** Compares two digests of the same length without stopping at the first difference. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
