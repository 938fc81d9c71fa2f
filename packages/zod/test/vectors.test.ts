import { requestVectors, resultJsonVectors, statusVectors } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import {
  GenerateTaskRequestSchema,
  ResultPayloadSchema,
  TaskStatusResponseSchema,
  toValidationIssues,
} from '../src/index.ts';

const issuesOf = (result: { error?: Parameters<typeof toValidationIssues>[0] }) =>
  result.error ? JSON.stringify(toValidationIssues(result.error)) : 'no issues';

describe('request vectors against GenerateTaskRequestSchema', () => {
  it.each(requestVectors)('$id is valid: $valid ($why)', ({ body, valid }) => {
    const result = GenerateTaskRequestSchema.safeParse(body);
    expect(result.success, issuesOf(result)).toBe(valid);
  });
});

describe('status vectors against TaskStatusResponseSchema (also the webhook body)', () => {
  it.each(statusVectors)('$id is valid: $valid ($why)', ({ body, valid }) => {
    expect(TaskStatusResponseSchema.safeParse(body).success).toBe(valid);
  });
});

describe('resultJson vectors against ResultPayloadSchema', () => {
  it.each(resultJsonVectors)('$id is valid: $valid', ({ parsed, valid }) => {
    expect(parsed.json && ResultPayloadSchema.safeParse(parsed.payload).success).toBe(valid);
  });
});
