import { describe, expect, it } from 'vitest';
import { describeViolations } from '../src/violations.ts';

const violation = (code: string, message: string) => ({
  location: ['request', 'body'],
  severity: 'Error',
  code,
  message,
});

describe('describeViolations', () => {
  it('names the violation every variant reports, leaving out summaries and discriminator mismatches', () => {
    const prompt = 'Request body property input.prompt must NOT have more than 1500 characters';
    const violations = [
      violation('maxLength', prompt),
      violation('maxLength', prompt),
      violation('oneOf', 'Request body property input must match exactly one schema in oneOf'),
      violation('required', "Request body property input must have required property 'image_urls'"),
      violation('const', 'Request body property input.mode must be equal to constant'),
      violation('maxLength', prompt),
      violation('required', "Request body must have required property 'callback_url'"),
    ];
    expect(describeViolations(violations)).toBe(prompt);
  });

  it('names up to three violations that tie', () => {
    const violations = ['a', 'b', 'c', 'd'].map((message) => violation('enum', message));
    expect(describeViolations(violations)).toBe('a; b; c');
  });

  it.each([
    ['no violations', []],
    ['only a oneOf summary', [violation('oneOf', 'x')]],
    ['only a discriminator mismatch', [violation('const', 'y')]],
  ])('gives nothing usable for %s', (_case, violations) => {
    expect(describeViolations(violations)).toBeUndefined();
  });
});
