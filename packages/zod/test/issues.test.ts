import { describe, expect, it } from 'vitest';
import {
  GenerateTaskRequestSchema,
  GenerationInputSchema,
  TaskStatusResponseSchema,
  toValidationIssues,
} from '../src/index.ts';

const textToVideo = { mode: 'text-to-video', prompt: 'clouds over a lake' };
const imageToVideo = { mode: 'image-to-video', image_urls: ['https://example.com/a.png'] };

/** The issues of a request body as the client formats them; `withValue: false` leaves the body out. */
function issues(body: unknown, withValue = true): string[] {
  const result = GenerateTaskRequestSchema.safeParse(body);
  if (result.success) throw new Error(`expected ${JSON.stringify(body)} to be invalid`);
  return toValidationIssues(result.error, withValue ? body : undefined).map(
    ({ path, message }) => `${path}: ${message}`,
  );
}
const input = (fields: Record<string, unknown>) => ({ request_type: 'async', input: fields });

describe('toValidationIssues', () => {
  it('names the resolution in the rule on aspect ratios', () => {
    expect(issues(input({ ...textToVideo, resolution: '480p', aspect_ratio: '4:3' }))).toEqual([
      'input.aspect_ratio: 480p allows 16:9, 9:16 or 1:1',
    ]);
    expect(issues(input({ ...textToVideo, resolution: '720p', aspect_ratio: '21:9' }))).toEqual([
      'input.aspect_ratio: 720p allows 16:9, 9:16, 1:1, 4:3 or 3:4',
    ]);
    expect(issues(input({ ...textToVideo, aspect_ratio: '21:9' }))).toEqual([
      'input.aspect_ratio: must be 16:9, 9:16, 1:1, 4:3 or 3:4',
    ]);
  });

  it('reports a missing field as required by the mode the body chose', () => {
    expect(issues(input({ mode: 'image-to-video', prompt: 'zoom in' }))).toEqual([
      'input.image_urls: is required for image-to-video',
    ]);
    expect(issues(input({ mode: 'text-to-video', resolution: '480p' }))).toEqual([
      'input.prompt: is required for text-to-video',
    ]);
    expect(issues({ request_type: 'callback', input: textToVideo })).toEqual(['callback_url: is required']);
  });

  it('tells an optional field set to undefined (not JSON, so rejected) from a missing one', () => {
    expect(issues(input({ ...textToVideo, seed: undefined }))).toEqual(['input.seed: must be a number']);
  });

  it('reports properties that do not belong to the chosen variant as unknown', () => {
    expect(issues(input({ ...imageToVideo, aspect_ratio: '16:9' }))).toEqual([
      'input.aspect_ratio: unknown property',
    ]);
    expect(issues({ request_type: 'async', input: textToVideo, callbackUrl: 'https://example.com' })).toEqual(
      ['callbackUrl: unknown property'],
    );
  });

  it('lists the allowed values when the body matches no variant', () => {
    expect(issues({ request_type: 'webhook', input: textToVideo })).toEqual([
      'request_type: must be async or callback',
    ]);
    expect(issues(input({ mode: 'video-to-video', prompt: 'x' }))).toEqual([
      'input.mode: must be text-to-video or image-to-video',
    ]);
    expect(issues(input({ prompt: 'x' }))).toEqual(['input.mode: must be text-to-video or image-to-video']);
    expect(issues(input({ ...textToVideo, resolution: '4k' }))).toEqual([
      'input.resolution: must be 480p, 720p or 1080p',
    ]);
    expect(issues(input({ ...imageToVideo, resolution: '4k', duration: 7 }))).toEqual([
      'input.resolution: must be 480p, 720p or 1080p',
      'input.duration: must be 5 or 10',
    ]);
  });

  it('names limits in characters, items and numbers', () => {
    expect(issues(input({ ...textToVideo, prompt: '😀'.repeat(1501), negative_prompt: '' }))).toEqual([
      'input.prompt: must be at most 1500 characters',
    ]);
    expect(issues(input({ ...textToVideo, prompt: '' }))).toEqual(['input.prompt: must not be empty']);
    expect(issues(input({ ...imageToVideo, image_urls: [] }))).toEqual([
      'input.image_urls: must be at least 1 item',
    ]);
    expect(
      issues(input({ ...textToVideo, audio_urls: ['https://a.example/1.mp3', 'https://a.example/2.mp3'] })),
    ).toEqual(['input.audio_urls: must be at most 1 item']);
    expect(issues(input({ ...textToVideo, seed: -1 }))).toEqual(['input.seed: must be at least 0']);
    expect(issues(input({ ...textToVideo, seed: 2 ** 31 }))).toEqual([
      'input.seed: must be at most 2147483647',
    ]);
    expect(issues(input({ ...textToVideo, seed: 1.5, watermark: 'no' }))).toEqual([
      'input.watermark: must be a boolean',
      'input.seed: must be an integer',
    ]);
  });

  it('reports one issue per broken URL, with array indexes in the path', () => {
    expect(issues(input({ ...imageToVideo, image_urls: ['example.com/a.png'] }))).toEqual([
      'input.image_urls[0]: must match ^https?://\\S+$',
    ]);
    expect(issues(input({ ...imageToVideo, image_urls: ['https://example.com/é.png'] }))).toEqual([
      'input.image_urls[0]: must be an absolute URI (RFC 3986)',
    ]);
    expect(
      issues({ request_type: 'callback', callback_url: 'http://example.com/hook', input: textToVideo }),
    ).toEqual(['callback_url: must match ^https://\\S+$']);
  });

  it("uses '' for the root", () => {
    expect(issues([])).toEqual([': must be an object']);
  });

  it('states the bare rule when not given the parsed value', () => {
    expect(issues(input({ ...textToVideo, resolution: '480p', aspect_ratio: '4:3' }), false)).toEqual([
      'input.aspect_ratio: must be 16:9, 9:16 or 1:1',
    ]);
    expect(issues(input({ mode: 'image-to-video' }), false)).toEqual(['input.image_urls: must be an array']);
  });

  it('works for any schema of the package, e.g. the input alone or a status answer', () => {
    const generationInput = { ...textToVideo, seed: 'x' };
    const inputResult = GenerationInputSchema.safeParse(generationInput);
    expect(inputResult.error && toValidationIssues(inputResult.error, generationInput)).toEqual([
      { path: 'seed', message: 'must be a number' },
    ]);
    const status = { code: 200, message: 'success', data: { taskId: 't', state: 'success', createTime: 1 } };
    const statusResult = TaskStatusResponseSchema.safeParse(status);
    expect(statusResult.error && toValidationIssues(statusResult.error, status)).toEqual([
      { path: 'data.resultJson', message: 'is required' },
    ]);
  });
});
