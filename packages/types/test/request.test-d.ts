import { describe, expectTypeOf, it } from 'vitest';
import type { GenerateTaskRequest, GenerationInput, SucceededTask, Task, TaskState } from '../src/index.ts';

describe('GenerateTaskRequest', () => {
  it('accepts the API reference bodies', () => {
    const textToVideo: GenerateTaskRequest = {
      request_type: 'async',
      input: { mode: 'text-to-video', prompt: 'clouds', resolution: '480p', aspect_ratio: '1:1' },
    };
    const imageToVideo: GenerateTaskRequest = {
      request_type: 'callback',
      callback_url: 'https://example.com/hook',
      input: { mode: 'image-to-video', image_urls: ['https://example.com/a.png'], resolution: '1080p' },
    };
    expectTypeOf([textToVideo, imageToVideo]).toEqualTypeOf<GenerateTaskRequest[]>();
  });

  it('rejects 480p with 4:3', () => {
    const input: GenerationInput = {
      mode: 'text-to-video',
      prompt: 'clouds',
      resolution: '480p',
      // @ts-expect-error 480p allows 16:9, 9:16 and 1:1 only
      aspect_ratio: '4:3',
    };
    expectTypeOf(input).toEqualTypeOf<GenerationInput>();
  });

  it('rejects image-to-video without image_urls', () => {
    // @ts-expect-error image_urls is required for image-to-video
    const input: GenerationInput = { mode: 'image-to-video', prompt: 'zoom in' };
    expectTypeOf(input).toEqualTypeOf<GenerationInput>();
  });

  it('rejects aspect_ratio on image-to-video and callback mode without callback_url', () => {
    const input: GenerationInput = {
      mode: 'image-to-video',
      image_urls: ['https://example.com/a.png'],
      // @ts-expect-error aspect_ratio is text-to-video only
      aspect_ratio: '16:9',
    };
    // @ts-expect-error callback mode requires callback_url
    const request: GenerateTaskRequest = { request_type: 'callback', input };
    expectTypeOf(request).toEqualTypeOf<GenerateTaskRequest>();
  });
});

describe('Task', () => {
  it('is a union by state: only success carries resultJson', () => {
    expectTypeOf<TaskState>().toEqualTypeOf<'pending' | 'processing' | 'success' | 'failed'>();
    expectTypeOf<Extract<Task, { state: 'success' }>>().toEqualTypeOf<SucceededTask>();
    expectTypeOf<SucceededTask['resultJson']>().toEqualTypeOf<string>();
  });
});
