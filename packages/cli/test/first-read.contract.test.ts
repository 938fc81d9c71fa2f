// The CLI waits for the tasks it submitted with their creation time, as the client's generate() does: the
// first status read goes out at the first poll time, never at once after the submit to learn createTime.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contractBaseUrl } from '@wan25/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { type CountingProxy, type ProxiedRequest, startProxy } from './servers.ts';

const firstPollSeconds = 1.5;
const schedule = { WAN25_FIRST_POLL_SECONDS: String(firstPollSeconds), WAN25_POLL_INTERVAL_SECONDS: '0.2' };

let proxy: CountingProxy | undefined;
let folder: string | undefined;
afterEach(async () => {
  await proxy?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Per submit, the status reads of its task that came before its first poll time. */
function earlyReads(requests: readonly ProxiedRequest[]): ProxiedRequest[] {
  const submits = requests.filter(({ method }) => method === 'POST');
  expect(submits.length).toBeGreaterThan(0);
  return submits.flatMap((submit) =>
    requests.filter(
      (read) =>
        read.method === 'GET' &&
        read.prompt === submit.prompt &&
        // The first poll is counted from just before the submit left: allow what the submit took.
        read.at < submit.at + firstPollSeconds * 1000 - 200,
    ),
  );
}

describe('the first status read of a task the CLI submitted', { timeout: 60_000 }, () => {
  it('generate: no read before the first poll time', async () => {
    proxy = await startProxy(contractBaseUrl());
    const result = await runCli(['generate', 'a lantern over a lake', '--base-url', proxy.url], {
      env: schedule,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(proxy.requests.filter(({ method }) => method === 'GET').length).toBeGreaterThan(0);
    expect(earlyReads(proxy.requests)).toEqual([]);
  });

  it('batch: no read before the first poll time, for every line', async () => {
    proxy = await startProxy(contractBaseUrl());
    folder = await mkdtemp(join(tmpdir(), 'wan25-cli-first-read-'));
    const file = join(folder, 'prompts.jsonl');
    await writeFile(file, '{"prompt": "a fox in the snow"}\n{"prompt": "a paper boat"}\n');
    const result = await runCli(['batch', file, '--base-url', proxy.url], { env: schedule });
    expect(result.status, result.stderr).toBe(0);
    expect(proxy.requests.filter(({ method }) => method === 'GET').length).toBeGreaterThanOrEqual(2);
    expect(earlyReads(proxy.requests)).toEqual([]);
  });
});
