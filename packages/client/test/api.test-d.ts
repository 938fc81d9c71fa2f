import type { paths } from '@wan25/types';
import type { Client } from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createWanClient,
  createWebhookHandler,
  estimateCost,
  type FailCode,
  type GenerationInput,
  parseWebhook,
  type WanClient,
  type WanClientOptions,
  type WanSucceededTask,
  type WanTask,
} from '../src/index.ts';

declare const wan: WanClient;
declare const task: WanTask;

describe('public types', () => {
  it('narrows a task by state', () => {
    if (task.state === 'success') expectTypeOf(task.resultUrls).toEqualTypeOf<string[]>();
    if (task.state === 'failed') expectTypeOf(task.failCode).toEqualTypeOf<FailCode>();
    if (task.state === 'unknown') expectTypeOf(task.rawState).toEqualTypeOf<string>();
    // @ts-expect-error only a succeeded task has result URLs
    void task.resultUrls;
  });

  it('returns the succeeded task from the waits', () => {
    expectTypeOf(wan.waitForTask).returns.toEqualTypeOf<Promise<WanSucceededTask>>();
    expectTypeOf(wan.generate).returns.toEqualTypeOf<Promise<WanSucceededTask>>();
    expectTypeOf(wan.getTask).returns.toEqualTypeOf<Promise<WanTask>>();
    expectTypeOf(parseWebhook).returns.toEqualTypeOf<WanTask>();
  });

  it('takes the spec input and rejects what it forbids', () => {
    const input: GenerationInput = { mode: 'text-to-video', prompt: 'clouds', resolution: '480p' };
    expectTypeOf(wan.submit).toBeCallableWith(input, { callbackUrl: 'https://example.com/hook' });
    expectTypeOf(estimateCost).toBeCallableWith(input);
    // @ts-expect-error image-to-video needs image_urls
    void wan.submit({ mode: 'image-to-video' });
  });

  it('exposes the typed openapi-fetch client', () => {
    expectTypeOf(wan.api).toEqualTypeOf<Client<paths>>();
    expectTypeOf(createWanClient).parameter(0).toEqualTypeOf<WanClientOptions | undefined>();
    expectTypeOf(createWanClient).toBeCallableWith({
      fetch: globalThis.fetch,
      headers: { Prefer: 'code=429' },
    });
  });

  it('builds a standard fetch handler', () => {
    expectTypeOf(createWebhookHandler({ onTask: () => {} })).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >();
  });
});
