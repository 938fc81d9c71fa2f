import { requestVectors, resultJsonVectors, statusVectors } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import { flavours, type Parser } from './flavours.ts';

// Every vector through the generated schemas of both flavours: a generator or zod upgrade that changes
// what they accept fails here, with the vector's id in the test name and the issues in the message.
describe.each(flavours)('%s', (_flavour, schemas) => {
  const verdict = (schema: Parser, body: unknown) => {
    const result = schema.safeParse(body);
    const issues = result.error ? JSON.stringify(schemas.toValidationIssues(result.error)) : 'no issues';
    return { valid: result.success, issues };
  };

  it.each(requestVectors)('request vector $id is valid: $valid ($why)', ({ body, valid }) => {
    const result = verdict(schemas.GenerateTaskRequestSchema, body);
    expect(result.valid, result.issues).toBe(valid);
  });

  it.each(statusVectors)('status vector $id is valid: $valid ($why)', ({ body, valid }) => {
    const result = verdict(schemas.TaskStatusResponseSchema, body);
    expect(result.valid, result.issues).toBe(valid);
  });

  it.each(resultJsonVectors)('resultJson vector $id is valid: $valid', ({ parsed, valid }) => {
    const result = parsed.json ? verdict(schemas.ResultPayloadSchema, parsed.payload) : undefined;
    expect(result?.valid ?? false, result?.issues).toBe(valid);
  });
});
