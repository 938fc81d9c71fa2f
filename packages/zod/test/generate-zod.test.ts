import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zodModule } from '../../../scripts/lib/zod-source.ts';

const generated = (file: string) =>
  readFileSync(new URL(`../src/generated/${file}`, import.meta.url), 'utf8');

/** A bundled spec with these component schemas. */
const spec = (schemas: Record<string, unknown>) => ({ openapi: '3.1.0', components: { schemas } });
const statementsOf = (schemas: Record<string, unknown>) => zodModule(spec(schemas)).statements;

describe('scripts/generate-zod.ts', () => {
  it('writes the same schemas for both flavours, only importing zod from another entry', () => {
    const classic = generated('zod.gen.ts');
    const mini = generated('mini.gen.ts');
    expect(classic).toContain("import * as z from 'zod';");
    expect(mini).toContain("import * as z from 'zod/mini';");
    expect(mini.replace("from 'zod/mini';", "from 'zod';")).toBe(classic);
  });

  it('never shows a regular expression in a message', () => {
    for (const message of generated('zod.gen.ts').matchAll(/error: (?:rule|expected)?\(?'([^']*)'/g))
      expect(message[1]).not.toMatch(/[\\^$]/);
  });

  it('writes each component after the components it references', () => {
    const statements = statementsOf({
      Pair: { type: 'object', properties: { a: { $ref: '#/components/schemas/Text' } } },
      Text: { type: 'string' },
    });
    expect(statements.indexOf('export const TextSchema')).toBeLessThan(
      statements.indexOf('export const PairSchema'),
    );
  });

  it('keeps an int64 integer a number', () => {
    expect(statementsOf({ Time: { type: 'integer', format: 'int64' } })).toBe(
      'export const TimeSchema = /* @__PURE__ */ z.number({ error: expected("an integer") }).check(integer);',
    );
  });

  it.each([
    ['a keyword it does not check', { type: 'string', uniqueItems: true }, 'does not support "uniqueItems"'],
    ['a format it does not check', { type: 'string', format: 'email' }, 'does not support format "email"'],
    [
      'a pattern without a message',
      { type: 'string', pattern: '^[a-z]+$' },
      'no message for the pattern ^[a-z]+$',
    ],
    ['a type list', { type: ['string', 'null'] }, 'no zod schema for type ["string","null"]'],
    [
      'additionalProperties with a schema',
      { type: 'object', additionalProperties: { type: 'string' } },
      'true or false only',
    ],
    [
      'a union of objects no property tells apart',
      { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object' }] },
      'no property tells the variants of this union apart',
    ],
    ['a cycle', { type: 'array', items: { $ref: '#/components/schemas/Thing' } }, 'references itself'],
  ])('stops on %s rather than lose a rule', (_, schema, message) => {
    expect(() => statementsOf({ Thing: schema })).toThrow(message);
  });
});
