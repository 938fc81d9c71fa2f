import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledSpecJson } from '../../../scripts/lib/workspace.ts';
import { type Flavour, zodModule } from '../../../scripts/lib/zod-source.ts';

const generated = (file: string) =>
  readFileSync(new URL(`../src/generated/${file}`, import.meta.url), 'utf8');

/** A bundled spec with these component schemas. */
const spec = (schemas: Record<string, unknown>) => ({ openapi: '3.1.0', components: { schemas } });
const statementsOf = (schemas: Record<string, unknown>, flavour: Flavour = 'classic') =>
  zodModule(spec(schemas), flavour).statements;

describe('scripts/generate-zod.ts', () => {
  it('writes the same schemas for both flavours, but for string enums, which mini spells as literals', () => {
    expect(generated('zod.gen.ts')).toContain("import * as z from 'zod';");
    expect(generated('mini.gen.ts')).toContain("import * as z from 'zod/mini';");
    const bundled = JSON.parse(readFileSync(bundledSpecJson, 'utf8'));
    const classic = zodModule(bundled, 'classic').statements;
    const mini = zodModule(bundled, 'mini').statements;
    expect(mini).not.toContain('z.enum(');
    expect(mini).toBe(classic.replaceAll('z.enum(', 'z.literal('));
  });

  it('spells a choice of strings as z.enum in classic and z.literal in mini', () => {
    const choice = { Ratio: { type: 'string', enum: ['16:9', '1:1'] } };
    expect(statementsOf(choice, 'classic')).toContain('z.enum(["16:9","1:1"]');
    expect(statementsOf(choice, 'mini')).toContain('z.literal(["16:9","1:1"]');
  });

  it('builds each schema in one pure call, so that bundlers drop the ones an app does not use', () => {
    const statements = statementsOf({
      Seed: { type: 'integer', minimum: 0 },
      Alias: { $ref: '#/components/schemas/Seed' },
    });
    expect(statements).toContain('export const SeedSchema = /* @__PURE__ */ (() => z.number(');
    expect(statements).toContain('export const AliasSchema = SeedSchema;');
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
      'export const TimeSchema = /* @__PURE__ */ (() => z.number({ error: expected("an integer") }).check(integer))();',
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
