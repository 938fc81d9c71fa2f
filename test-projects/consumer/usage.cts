// A downstream CommonJS TypeScript file (.cts): `import x = require()` of every package's entry points, as
// a CommonJS project compiles to require() calls. The consumer tests type-check it under `module` NodeNext
// and Node20 (TypeScript's models of Node's require() of ES modules); it is never run (the Node tests run
// require-every-package.cjs). `@wan25/client/node` is left out: its types need @types/node, which this
// consumer does not install.
import client = require('@wan25/client');
import redis = require('@wan25/client/redis');
import mock = require('@wan25/mock');
import spec = require('@wan25/spec/openapi.json');
import types = require('@wan25/types');
import zod = require('@wan25/zod');
import zodMini = require('@wan25/zod/mini');

const input: types.GenerationInput = {
  mode: 'text-to-video',
  prompt: 'a lighthouse at dusk',
  resolution: '720p',
};

export async function run(server: mock.MockServer): Promise<string[]> {
  const wan: client.WanClient = client.createWanClient({ apiKey: 'key', baseUrl: server.url });
  const { taskId } = await wan.submit(zod.GenerationInputSchema.parse(input));
  const task: client.WanSucceededTask = await wan.waitForTask(taskId);
  return task.resultUrls;
}

export function failure(error: unknown): string {
  if (error instanceof client.WanTaskFailedError) return `${error.failCode}`;
  if (error instanceof client.WanValidationError) return error.issues.map((issue) => issue.path).join(', ');
  throw error;
}

export const checks = {
  cost: client.estimateCost(input).usd,
  mini: zodMini.GenerationInputSchema.safeParse(input).success,
  issues: zod.toValidationIssues,
  dedupe: redis.createRedisDedupeStore satisfies (
    redisClient: redis.NodeRedisClient,
    options: redis.RedisDedupeStoreOptions,
  ) => client.WebhookDedupeStore,
  start: mock.startMockServer satisfies () => Promise<mock.MockServer>,
  operations: Object.keys(spec.paths),
};
export type StatusPath = types.paths['/statusTask/wan-2-5-video']['get'];
