// A downstream TypeScript file using every package's public API. The consumer tests type-check it under
// `moduleResolution` NodeNext and Bundler, each strict and non-strict; it is never run.
import {
  createWanClient,
  estimateCost,
  parseWebhook,
  WanApiError,
  WanError,
  WanTaskFailedError,
  WanTimeoutError,
  WanValidationError,
} from '@wan25/client';
import { type MockServer, startMockServer } from '@wan25/mock';
import spec from '@wan25/spec/openapi.json' with { type: 'json' };
import type { GenerateTaskRequest, GenerationInput, paths, Task, TaskStatusResponse } from '@wan25/types';
import {
  GenerateTaskRequestSchema,
  GenerationInputSchema,
  ResultPayloadSchema,
  TaskStatusResponseSchema,
} from '@wan25/zod';

const input: GenerationInput = { mode: 'text-to-video', prompt: 'a lighthouse at dusk', resolution: '720p' };
const request: GenerateTaskRequest = {
  request_type: 'callback',
  callback_url: 'https://example.com/hook',
  input,
};

// @ts-expect-error text-to-video needs a prompt
const missingPrompt: GenerationInput = { mode: 'text-to-video' };

export function describeTask(task: Task): string {
  switch (task.state) {
    case 'success':
      return task.resultJson;
    case 'failed':
      return `${task.failCode}: ${task.failMsg ?? ''}`;
    default:
      return task.state;
  }
}

export async function run(mock: MockServer): Promise<string[]> {
  const wan = createWanClient({ apiKey: 'key', baseUrl: mock.url, maxRetries: 2 });
  const { taskId } = await wan.submit(input, { signal: AbortSignal.timeout(10_000) });
  const task = await wan.waitForTask(taskId, { waitTimeoutMs: 60_000, onProgress: (seen) => seen?.state });
  const { usd } = estimateCost(input);
  return [...task.resultUrls, `$${usd}`];
}

export function handle(body: string): string {
  try {
    const task = parseWebhook(body);
    if (task.state === 'success') return task.resultUrls[0] ?? '';
    return task.state === 'unknown' ? task.rawState : task.state;
  } catch (error) {
    if (error instanceof WanValidationError || error instanceof WanApiError) return error.message;
    if (error instanceof WanTaskFailedError || error instanceof WanTimeoutError) return error.name;
    throw error instanceof WanError ? error : new Error('unexpected', { cause: error });
  }
}

const pending: TaskStatusResponse = {
  code: 200,
  message: 'success',
  data: { taskId: 'task_1', state: 'pending', createTime: 1767965610929 },
};

export const checks = {
  request: GenerateTaskRequestSchema.parse(request),
  pending: describeTask(pending.data),
  input: GenerationInputSchema.safeParse(missingPrompt).success,
  status: TaskStatusResponseSchema.safeParse({}).success,
  result: ResultPayloadSchema.parse({ resultUrls: ['https://example.com/v.mp4'] }).resultUrls,
  operations: Object.keys(spec.paths),
  start: startMockServer satisfies () => Promise<MockServer>,
};
export type StatusPath = paths['/statusTask/wan-2-5-video']['get'];
