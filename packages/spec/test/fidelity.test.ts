import { readFileSync } from 'node:fs';
import { requestVectors, statusVectors } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

// spec/README.md's "Fidelity decisions": each numbered decision names its vectors (`fidelity-...`, or a
// prefix ending in `*`); the verdicts themselves are checked by vectors.test.ts and the zod and mock suites.
const readme = readFileSync(new URL('../../../spec/README.md', import.meta.url), 'utf8');
const section = readme.split('## Fidelity decisions')[1] ?? '';
const decisions = section
  .split(/\n(?=\d+\. )/)
  .filter((text) => /^\d+\. /.test(text))
  .map((text) => ({ number: Number.parseInt(text, 10), text }));
const fidelityIds = [...requestVectors, ...statusVectors]
  .map(({ id }) => id)
  .filter((id) => id.startsWith('fidelity-'));

/** The vector names a decision gives: each with the vector ids it matches. */
function namesIn(text: string): { name: string; ids: string[] }[] {
  return [...text.matchAll(/`(fidelity-[\w-]+)(\*?)`/g)].map(([name = '', prefix = '', wildcard]) => ({
    name,
    ids: fidelityIds.filter((id) => (wildcard ? id.startsWith(prefix) : id === prefix)),
  }));
}

describe('the fidelity decisions in spec/README.md', () => {
  it('are numbered and found', () => {
    expect(decisions.map(({ number }) => number)).toEqual(decisions.map((_, i) => i + 1));
    expect(decisions.length).toBeGreaterThan(10);
  });

  it.each(decisions)(
    'decision $number names at least one vector, and only vectors that exist',
    ({ text }) => {
      const names = namesIn(text);
      expect(names.length).toBeGreaterThan(0);
      for (const { name, ids } of names) expect(ids, name).not.toHaveLength(0);
    },
  );

  it('cover every fidelity vector', () => {
    const covered = new Set(decisions.flatMap(({ text }) => namesIn(text).flatMap(({ ids }) => ids)));
    expect(fidelityIds.filter((id) => !covered.has(id))).toEqual([]);
  });
});
