import { specValidator } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import {
  GenerateTaskRequestSchema,
  NegativePromptSchema,
  PromptSchema,
  TaskStatusResponseSchema,
} from '../src/index.ts';

const body = (input: Record<string, unknown>) => ({
  request_type: 'async',
  input: { mode: 'text-to-video', ...input },
});

describe('string limits count Unicode code points, as JSON Schema does', () => {
  const cases = [
    ['1000 emoji', PromptSchema, '😀'.repeat(1000), true],
    ['1500 emoji', PromptSchema, '😀'.repeat(1500), true],
    ['1501 emoji', PromptSchema, '😀'.repeat(1501), false],
    ['1500 Chinese characters', PromptSchema, '云'.repeat(1500), true],
    ['1499 letters and one emoji', PromptSchema, `${'a'.repeat(1499)}🎬`, true],
    ['one lone surrogate', PromptSchema, '\ud83d', true],
    ['500 astral symbols', NegativePromptSchema, '𝄞'.repeat(500), true],
    ['501 astral symbols', NegativePromptSchema, '𝄞'.repeat(501), false],
  ] as const;

  it.each(cases)('%s', (_name, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
    expect(
      GenerateTaskRequestSchema.safeParse(
        body({ prompt: 'x', [schema === PromptSchema ? 'prompt' : 'negative_prompt']: value }),
      ).success,
    ).toBe(valid);
    expect(specValidator(schema === PromptSchema ? 'Prompt' : 'NegativePrompt')(value)).toBe(valid);
  });
});

describe('request objects are closed, response objects open', () => {
  it('rejects an unknown key at every level of a request', () => {
    expect(GenerateTaskRequestSchema.safeParse({ ...body({ prompt: 'x' }), extra: 1 }).success).toBe(false);
    expect(GenerateTaskRequestSchema.safeParse(body({ prompt: 'x', extra: 1 })).success).toBe(false);
  });

  it('keeps fields a response adds later, at every level', () => {
    const answer = {
      code: 200,
      message: 'success',
      requestId: 'r-1',
      data: { taskId: 't', state: 'pending', createTime: 1, queuePosition: 3 },
    };
    expect(TaskStatusResponseSchema.parse(answer)).toEqual(answer);
  });

  it('returns a valid request unchanged: no defaults are filled in', () => {
    const request = body({ prompt: 'x' });
    expect(GenerateTaskRequestSchema.parse(request)).toEqual(request);
  });
});
