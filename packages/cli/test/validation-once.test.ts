import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWanClient } from '@wan25/client';
import { GenerateTaskRequestSchema } from '@wan25/zod/mini';
import { afterEach, expect, it, vi } from 'vitest';
import { readBatchFile } from '../src/batch/lines.ts';

let folder: string | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  if (folder) await rm(folder, { recursive: true, force: true });
});

it("checks each batch line once: readBatchFile with the client's checkTaskInput, then submit sends it unchecked", async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-once-'));
  const file = join(folder, 'prompts.jsonl');
  const prompts = ['a fox in the snow', 'a paper boat', 'a lighthouse at dusk'];
  await writeFile(
    file,
    `${prompts.map((prompt) => JSON.stringify({ prompt, resolution: '480p' })).join('\n')}\n`,
  );
  const sent: unknown[] = [];
  const wan = createWanClient({
    apiKey: 'sk-test-once-4f9a1c2e',
    baseUrl: 'https://api.test/api/v1',
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init.body)));
      return Response.json({ code: 200, message: 'success', data: { taskId: `task_${sent.length}` } });
    },
  });
  const checks = vi.spyOn(GenerateTaskRequestSchema, 'safeParse');

  const lines = await readBatchFile(file);
  for (const line of lines) await wan.submit(line.input);

  expect(checks).toHaveBeenCalledTimes(prompts.length);
  expect(sent).toEqual(
    prompts.map((prompt) => ({
      request_type: 'async',
      input: { mode: 'text-to-video', prompt, resolution: '480p' },
    })),
  );
});
