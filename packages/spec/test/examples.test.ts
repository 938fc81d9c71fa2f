import { mediaTypeExamples, schemaExamples, specValidator } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';

describe('every example in the spec validates against the schema of its place', () => {
  const examples = mediaTypeExamples();

  it('finds the examples of both operations, the callback, the webhook and every error', () => {
    // 4 submit bodies + 1 submit answer + 8 status answers + 8 documented error answers + the default
    // error answer + 2 webhook bodies.
    expect(examples).toHaveLength(4 + 1 + 8 + 8 + 1 + 2);
  });

  it.each(examples)('$where', ({ component, value }) => {
    const validate = specValidator(component);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(schemaExamples())('schema $component, property "$property": its example', (example) => {
    const at = example.property === '' ? '' : `/properties/${example.property}`;
    const validate = specValidator(`#/components/schemas/${example.component}${at}`);
    expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
  });
});
