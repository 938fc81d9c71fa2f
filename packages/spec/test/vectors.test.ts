import { requestVectors, resultJsonVectors, specValidator, statusVectors } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

describe('request vectors against GenerateTaskRequest', () => {
  const validate = specValidator('GenerateTaskRequest');
  it.each(requestVectors)('$id is valid: $valid', ({ body, valid }) => {
    expect(validate(body), JSON.stringify(validate.errors)).toBe(valid);
  });
});

describe('status vectors against TaskStatusResponse', () => {
  const validate = specValidator('TaskStatusResponse');
  it.each(statusVectors)('$id is valid: $valid', ({ body, valid }) => {
    expect(validate(body), JSON.stringify(validate.errors)).toBe(valid);
  });
});

describe('resultJson vectors against ResultPayload', () => {
  const validate = specValidator('ResultPayload');
  it.each(resultJsonVectors)('$id is valid: $valid', ({ parsed, valid }) => {
    expect(parsed.json && validate(parsed.payload), JSON.stringify(validate.errors)).toBe(valid);
  });
});
