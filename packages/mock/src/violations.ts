import type { Violation } from './prism.ts';

const shownViolations = 3;

/**
 * A 400 message naming what Prism found wrong; `undefined` when the violations name nothing usable.
 *
 * Prism validates a `oneOf` by trying every variant and reports each variant's failures, so one mistake
 * arrives with the complaints of every variant the caller did not mean. The summaries (`oneOf`) and
 * discriminator mismatches (`const`) say nothing on their own and are dropped; of the rest, the message
 * names those reported by the most variants: a violation that every variant reports is wrong whichever
 * variant was meant. (The `sl-violations` header still lists every violation.)
 */
export function describeViolations(violations: readonly Violation[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { code, message } of violations) {
    if (code === 'oneOf' || code === 'const') continue;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  const most = Math.max(...counts.values());
  const named = [...counts].filter(([, count]) => count === most).map(([message]) => message);
  return named.length === 0 ? undefined : named.slice(0, shownViolations).join('; ');
}
