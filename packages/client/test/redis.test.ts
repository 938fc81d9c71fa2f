import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookHandler, type WanTask, type WebhookDedupeStore } from '../src/index.ts';
import { createRedisDedupeStore, type IoRedisClient, type NodeRedisClient } from '../src/redis.ts';
import { createTime } from './fake-fetch.ts';
import { type RedisServer, startRedisServer } from './redis-server.ts';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
}, 20_000);
afterAll(() => server?.stop());

const delivery = (taskId: string) =>
  new Request('https://hooks.example.com/apixo', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      code: 200,
      message: 'success',
      data: {
        taskId,
        state: 'success',
        resultJson: '{"resultUrls":["https://file.apixo.ai/video.mp4"]}',
        createTime,
      },
    }),
  });

interface Library {
  /** Two connections, as two instances behind a load balancer would have. */
  connect(): Promise<[NodeRedisClient | IoRedisClient, NodeRedisClient | IoRedisClient]>;
  close(): Promise<void>;
}

const libraries: Record<string, () => Library> = {
  redis: () => {
    const clients = [createClient({ url: server.url }), createClient({ url: server.url })];
    return {
      connect: async () => {
        const [a, b] = await Promise.all(clients.map((client) => client.connect()));
        return [a as NodeRedisClient, b as NodeRedisClient];
      },
      close: async () => void (await Promise.all(clients.map((client) => client.close()))),
    };
  },
  ioredis: () => {
    const clients: [Redis, Redis] = [
      new Redis(server.port, '127.0.0.1'),
      new Redis(server.port, '127.0.0.1'),
    ];
    return {
      connect: async () => clients,
      close: async () => void (await Promise.all(clients.map((client) => client.quit()))),
    };
  },
};

describe.each(Object.keys(libraries))('createRedisDedupeStore with %s', (name) => {
  let library: Library;
  let stores: WebhookDedupeStore[];
  let flush: () => Promise<unknown>;
  beforeAll(async () => {
    library = libraries[name]?.() as Library;
    const clients = await library.connect();
    const keyPrefix = `test:${name}:`; // the two suites share one server
    stores = clients.map((client) => createRedisDedupeStore(client, { ttlSeconds: 3600, keyPrefix }));
    const [client] = clients;
    flush = () => ('call' in client ? client.call('FLUSHDB', []) : client.sendCommand(['FLUSHDB']));
  });
  afterAll(() => library?.close());

  /** Two handler instances sharing the store, each recording the tasks its onTask ran for. */
  function instances(onTask: (task: WanTask) => Promise<void>) {
    return stores.map((dedupe) => createWebhookHandler({ onTask, dedupe, onError: () => {} }));
  }

  /** 50 copies of each of `taskIds`, spread over both instances, all sent at once. */
  async function deliverCopies(handlers: ((request: Request) => Promise<Response>)[], taskIds: string[]) {
    const responses = await Promise.all(
      taskIds.flatMap((taskId) =>
        Array.from({ length: 50 }, (_, copy) => handlers[copy % 2]?.(delivery(taskId)) as Promise<Response>),
      ),
    );
    return responses.map((response) => response.status);
  }

  const taskIds = (prefix: string) => Array.from({ length: 100 }, (_, index) => `${prefix}_${index}`);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5)); // lets copies overlap onTask

  it('runs onTask exactly once per task over 2 instances x 50 concurrent copies of 100 deliveries', {
    timeout: 60_000,
  }, async () => {
    await flush();
    const runs: string[] = [];
    const handlers = instances(async (task) => {
      runs.push(task.taskId);
      await pause();
    });
    const statuses = await deliverCopies(handlers, taskIds('ok'));
    expect(statuses).toHaveLength(5000);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(runs).toHaveLength(100);
    expect(new Set(runs)).toEqual(new Set(taskIds('ok')));

    // The provider delivering them all again runs nothing.
    expect(new Set(await deliverCopies(handlers, taskIds('ok')))).toEqual(new Set([200]));
    expect(runs).toHaveLength(100);
  });

  it('runs onTask again after a failure, then exactly once more per task', { timeout: 60_000 }, async () => {
    await flush();
    const failed = new Set<string>();
    const succeeded: string[] = [];
    const handlers = instances(async (task) => {
      await pause();
      if (!failed.has(task.taskId)) {
        failed.add(task.taskId);
        throw new Error('database down');
      }
      succeeded.push(task.taskId);
    });
    const first = await Promise.all(
      taskIds('retry').map((taskId, index) => handlers[index % 2]?.(delivery(taskId))),
    );
    expect(new Set(first.map((response) => response?.status))).toEqual(new Set([500]));

    const statuses = await deliverCopies(handlers, taskIds('retry'));
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(succeeded).toHaveLength(100);
    expect(new Set(succeeded)).toEqual(new Set(taskIds('retry')));
  });

  it('claims with SET NX EX: a key with the TTL, gone once released', async () => {
    await flush();
    const [store] = stores as [WebhookDedupeStore];
    expect(await store.claim('task_ttl:success')).toBe(true);
    expect(await store.claim('task_ttl:success')).toBe(false);
    const ttl = Number(await redis(name, ['TTL', `test:${name}:task_ttl:success`]));
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
    await store.release('task_ttl:success');
    expect(await redis(name, ['EXISTS', `test:${name}:task_ttl:success`])).toBe(0);
    expect(await store.claim('task_ttl:success')).toBe(true);
  });
});

/** One command over a fresh connection of the given library, to look at what the store wrote. */
async function redis(name: string, args: string[]) {
  const library = libraries[name]?.() as Library;
  const [client] = await library.connect();
  try {
    const [command = '', ...rest] = args;
    return 'call' in client ? await client.call(command, rest) : await client.sendCommand(args);
  } finally {
    await library.close();
  }
}

describe('createRedisDedupeStore options', () => {
  it('refuses a TTL that is not a positive whole number of seconds', () => {
    const client: NodeRedisClient = { sendCommand: async () => 'OK' };
    for (const ttlSeconds of [0, -1, 1.5, Number.NaN]) {
      expect(() => createRedisDedupeStore(client, { ttlSeconds })).toThrow(
        /ttlSeconds: must be a positive integer/,
      );
    }
  });
});
