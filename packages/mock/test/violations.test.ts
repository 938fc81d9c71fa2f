import { describe, expect, it } from 'vitest';
import { describeViolations } from '../src/violations.ts';

const violation = (code: string, message: string) => ({ location: ['request', 'body'], code, message });

describe('describeViolations', () => {
  it('names the violation every variant reports, leaving out summaries and discriminator mismatches', () => {
    const prompt = 'Request body property input.prompt must NOT have more than 1500 characters';
    const header = JSON.stringify([
      violation('maxLength', prompt),
      violation('maxLength', prompt),
      violation('oneOf', 'Request body property input must match exactly one schema in oneOf'),
      violation('required', "Request body property input must have required property 'image_urls'"),
      violation('const', 'Request body property input.mode must be equal to constant'),
      violation('maxLength', prompt),
      violation('required', "Request body must have required property 'callback_url'"),
    ]);
    expect(describeViolations(header)).toBe(prompt);
  });

  it('names up to three violations that tie', () => {
    const header = JSON.stringify(['a', 'b', 'c', 'd'].map((message) => violation('enum', message)));
    expect(describeViolations(header)).toBe('a; b; c');
  });

  it.each([null, '', 'not json', '{}', '[]', JSON.stringify([violation('oneOf', 'x')])])(
    'gives nothing usable for %j',
    (header) => {
      expect(describeViolations(header)).toBeUndefined();
    },
  );
});
