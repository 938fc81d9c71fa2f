/** One entry of Prism's `sl-violations` header. */
interface Violation {
  location?: string[];
  code?: string;
  message?: string;
}

const shownViolations = 3;

/**
 * A 400 message naming what Prism found wrong, from its `sl-violations` header; `undefined` when the
 * header names nothing usable.
 *
 * Prism validates a `oneOf` by trying every variant and reports each variant's failures, so one mistake
 * arrives with the complaints of every variant the caller did not mean. The summaries (`oneOf`) and
 * discriminator mismatches (`const`) say nothing on their own and are dropped; of the rest, the message
 * names those reported by the most variants: a violation that every variant reports is wrong whichever
 * variant was meant. (The header still lists every violation.)
 */
export function describeViolations(header: string | null): string | undefined {
  if (header === null) return undefined;
  let violations: Violation[];
  try {
    violations = JSON.parse(header) as Violation[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(violations)) return undefined;
  const counts = new Map<string, number>();
  for (const { code, message } of violations) {
    if (typeof message !== 'string' || code === 'oneOf' || code === 'const') continue;
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  const most = Math.max(...counts.values());
  const named = [...counts].filter(([, count]) => count === most).map(([message]) => message);
  return named.length === 0 ? undefined : named.slice(0, shownViolations).join('; ');
}
