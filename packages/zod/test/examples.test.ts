import { mediaTypeExamples, schemaExamples } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import * as schemas from '../src/index.ts';

/** The exported zod schema of a spec component, `GenerateTaskRequest` -> `GenerateTaskRequestSchema`. */
function zodSchemaOf(component: string): z.ZodType {
  const schema = (schemas as Record<string, unknown>)[`${component}Schema`];
  if (!schema) throw new Error(`@wan25/zod exports no ${component}Schema`);
  return schema as z.ZodType;
}

describe('every example in the spec parses with the zod schema of its place', () => {
  const examples = mediaTypeExamples();

  it('finds the examples of both operations, the callback, the webhook and every error', () => {
    // 4 submit bodies + 1 submit answer + 8 status answers + 8 documented error answers + the default
    // error answer + 2 webhook bodies.
    expect(examples).toHaveLength(4 + 1 + 8 + 8 + 1 + 2);
  });

  it.each(examples)('$where ($component)', ({ component, value }) => {
    const result = zodSchemaOf(component).safeParse(value);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it.each(schemaExamples())('schema $component, property "$property": its example', (example) => {
    const schema = zodSchemaOf(example.component);
    const target = example.property === '' ? schema : (schema as z.ZodObject).shape[example.property];
    expect(target?.safeParse(example.value).success).toBe(true);
  });
});
