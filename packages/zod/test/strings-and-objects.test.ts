import { specValidator } from '@wan25/test-utils';
import { describe, expect, it } from 'vitest';
import { flavours } from './flavours.ts';

const body = (input: Record<string, unknown>) => ({
  request_type: 'async',
  input: { mode: 'text-to-video', ...input },
});

describe.each(flavours)('%s', (_, schemas) => {
  describe('string limits count Unicode code points, as JSON Schema does', () => {
    const cases = [
      ['1000 emoji', 'Prompt', '😀'.repeat(1000), true],
      ['1500 emoji', 'Prompt', '😀'.repeat(1500), true],
      ['1501 emoji', 'Prompt', '😀'.repeat(1501), false],
      ['1500 Chinese characters', 'Prompt', '云'.repeat(1500), true],
      ['1499 letters and one emoji', 'Prompt', `${'a'.repeat(1499)}🎬`, true],
      ['one lone surrogate', 'Prompt', '\ud83d', true],
      ['500 astral symbols', 'NegativePrompt', '𝄞'.repeat(500), true],
      ['501 astral symbols', 'NegativePrompt', '𝄞'.repeat(501), false],
    ] as const;

    it.each(cases)('%s', (_name, component, value, valid) => {
      const schema = component === 'Prompt' ? schemas.PromptSchema : schemas.NegativePromptSchema;
      expect(schema.safeParse(value).success).toBe(valid);
      const field = component === 'Prompt' ? 'prompt' : 'negative_prompt';
      expect(schemas.GenerateTaskRequestSchema.safeParse(body({ prompt: 'x', [field]: value })).success).toBe(
        valid,
      );
      expect(specValidator(component)(value)).toBe(valid);
    });
  });

  describe('request objects are closed, response objects open', () => {
    it('rejects an unknown key at every level of a request', () => {
      const request = schemas.GenerateTaskRequestSchema;
      expect(request.safeParse({ ...body({ prompt: 'x' }), extra: 1 }).success).toBe(false);
      expect(request.safeParse(body({ prompt: 'x', extra: 1 })).success).toBe(false);
    });

    it('keeps fields a response adds later, at every level', () => {
      const answer = {
        code: 200,
        message: 'success',
        requestId: 'r-1',
        data: { taskId: 't', state: 'pending', createTime: 1, queuePosition: 3 },
      };
      expect(schemas.TaskStatusResponseSchema.parse(answer)).toEqual(answer);
    });

    it('returns a valid request unchanged: no defaults are filled in', () => {
      const request = body({ prompt: 'x' });
      expect(schemas.GenerateTaskRequestSchema.parse(request)).toEqual(request);
    });

    it('reads epoch-millisecond times (format: int64) as numbers, not bigints', () => {
      const createTime = 1_767_965_610_929;
      const answer = { code: 200, message: 'ok', data: { taskId: 't', state: 'pending', createTime } };
      expect(schemas.TaskStatusResponseSchema.parse(answer).data.createTime).toBe(createTime);
      expect(
        schemas.TaskStatusResponseSchema.safeParse({ ...answer, data: { ...answer.data, createTime: 1.5 } })
          .success,
      ).toBe(false);
    });
  });
});
