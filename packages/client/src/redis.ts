import { issue, WanValidationError } from './errors.ts';
import type { WebhookDedupeStore } from './webhooks-dedupe.ts';

/** A connected `redis` (node-redis 4 or later) client: `createClient()` after `connect()`. */
export interface NodeRedisClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A connected `ioredis` (5 or later) client or cluster: `new Redis()`. */
export interface IoRedisClient {
  call(command: string, args: string[]): Promise<unknown>;
}

export interface RedisDedupeStoreOptions {
  /**
   * How long a handled delivery is remembered, in seconds: longer than the provider keeps redelivering
   * a task (a day is plenty).
   */
  ttlSeconds: number;
  /** Prepended to every key. Default `wan25:webhook:`. */
  keyPrefix?: string;
}

/**
 * A `WebhookDedupeStore` in Redis, shared by every instance behind the load balancer: a claim is
 * `SET key 1 NX EX ttlSeconds` (atomic: exactly one caller wins), a release is `DEL key`. Pass a
 * connected `redis` or `ioredis` client; this package imports neither.
 */
export function createRedisDedupeStore(
  client: NodeRedisClient | IoRedisClient,
  { ttlSeconds, keyPrefix = 'wan25:webhook:' }: RedisDedupeStoreOptions,
): WebhookDedupeStore {
  if (!(Number.isInteger(ttlSeconds) && ttlSeconds > 0)) {
    throw new WanValidationError('Invalid Redis dedupe store options', [
      issue('ttlSeconds', 'must be a positive integer', 'invalid_value'),
    ]);
  }
  // ioredis also has a `sendCommand`, taking its own Command objects: look for its `call` first.
  const run: (command: string, ...args: string[]) => Promise<unknown> =
    'call' in client
      ? (command, ...args) => client.call(command, args)
      : (command, ...args) => client.sendCommand([command, ...args]);
  return {
    claim: async (key) => (await run('SET', keyPrefix + key, '1', 'NX', 'EX', String(ttlSeconds))) === 'OK',
    release: async (key) => {
      await run('DEL', keyPrefix + key);
    },
  };
}
