import { bundledSpec } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import * as schemas from '../src/index.ts';

type Json = Record<string, unknown>;

const componentSchemas = (bundledSpec.components as Json).schemas as Record<string, Json>;

/** The exported zod schema of a spec component, `GenerateTaskRequest` -> `GenerateTaskRequestSchema`. */
function zodSchemaOf(component: string): z.ZodType {
  const schema = (schemas as Record<string, unknown>)[`${component}Schema`];
  if (!schema) throw new Error(`@wan25/zod exports no ${component}Schema`);
  return schema as z.ZodType;
}

function resolve(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return resolve(
    ref
      .slice(2)
      .split('/')
      .reduce<Json>((at, key) => at[key] as Json, bundledSpec),
  );
}

/** Every named example of a media type anywhere in the spec, with the component its schema names. */
function* mediaTypeExamples(node: unknown, where: string): Generator<[string, string, unknown]> {
  if (node === null || typeof node !== 'object') return;
  const media = node as Json;
  const schema = media.schema as Json | undefined;
  if (schema && typeof schema.$ref === 'string' && media.examples) {
    const component = schema.$ref.replace('#/components/schemas/', '');
    for (const [name, example] of Object.entries(media.examples as Json)) {
      yield [`${where} ${name}`, component, resolve(example as Json).value];
    }
  }
  for (const [key, value] of Object.entries(media)) yield* mediaTypeExamples(value, `${where}/${key}`);
}

describe('every example in the spec parses with the zod schema of its place', () => {
  const examples = [...mediaTypeExamples(bundledSpec, '#')];

  it('finds the examples of both operations, the callback, the webhook and every error', () => {
    // 4 submit bodies + 1 submit answer + 8 status answers + 8 error answers + 2 webhook bodies.
    expect(examples).toHaveLength(4 + 1 + 8 + 8 + 2);
  });

  it.each(examples)('%s (%s)', (_where, component, value) => {
    const result = zodSchemaOf(component).safeParse(value);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  const schemaExamples = Object.entries(componentSchemas).flatMap(([component, schema]) => [
    ...((schema.examples as unknown[] | undefined) ?? []).map((value) => [component, '', value] as const),
    ...Object.entries((schema.properties as Record<string, Json> | undefined) ?? {}).flatMap(
      ([property, child]) =>
        ((child.examples as unknown[] | undefined) ?? []).map(
          (value) => [component, property, value] as const,
        ),
    ),
  ]);

  it.each(schemaExamples)('schema %s, property "%s": its example', (component, property, value) => {
    const schema = zodSchemaOf(component);
    const target = property === '' ? schema : (schema as z.ZodObject).shape[property];
    expect(target?.safeParse(value).success).toBe(true);
  });
});
