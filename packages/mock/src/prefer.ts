/** The preferences of a `Prefer` header (RFC 7240: `name=value`, separated by commas), as Prism reads them. */
export interface Prefer {
  /** The value of the first preference called `name` (case-insensitive), without quotes. */
  get(name: string): string | undefined;
  /** The header without the preferences called `name`. */
  without(name: string): string;
}

export function parsePrefer(header: string | string[] | undefined): Prefer {
  const parts = [header ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const nameOf = (part: string) => (part.split('=')[0] ?? '').trim().toLowerCase();
  return {
    get(name) {
      const found = parts.find((part) => nameOf(part) === name);
      if (found === undefined || !found.includes('=')) return undefined;
      return found
        .slice(found.indexOf('=') + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
    },
    without: (name) => parts.filter((part) => nameOf(part) !== name).join(', '),
  };
}
