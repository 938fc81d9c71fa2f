import { bundledSpec, specValidator } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

type Json = Record<string, unknown>;
const spec = bundledSpec;

const resolve = (node: Json): Json => {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return resolve(
    ref
      .slice(2)
      .split('/')
      .reduce<Json>((at, key) => at[key] as Json, spec),
  );
};

/** Every named example of a media type, with the JSON pointer of the schema it must satisfy. */
function* mediaTypeExamples(node: unknown, path: string): Generator<[string, string, unknown]> {
  if (node === null || typeof node !== 'object') return;
  const media = node as Json;
  const schema = media.schema as Json | undefined;
  if (schema && typeof schema.$ref === 'string' && media.examples) {
    for (const [name, example] of Object.entries(media.examples as Json)) {
      yield [`${path} ${name}`, schema.$ref, resolve(example as Json).value];
    }
  }
  for (const [key, value] of Object.entries(media)) yield* mediaTypeExamples(value, `${path}/${key}`);
}

describe('every example in the spec validates against the schema of its place', () => {
  const examples = [...mediaTypeExamples(spec, '#')];

  it('finds the examples of both operations, the callback, the webhook and every error', () => {
    // 4 submit bodies + 1 submit answer + 8 status answers + 8 error answers + 2 webhook bodies.
    expect(examples).toHaveLength(4 + 1 + 8 + 8 + 2);
  });

  it.each(examples)('%s', (_where, schemaRef, value) => {
    const validate = specValidator(schemaRef);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  const schemas = Object.entries((spec.components as Json).schemas as Record<string, Json>);
  it.each(schemas.filter(([, schema]) => Array.isArray(schema.examples)))(
    'schema %s: its examples',
    (name, schema) => {
      const validate = specValidator(name);
      for (const value of schema.examples as unknown[]) expect(validate(value)).toBe(true);
    },
  );
});
