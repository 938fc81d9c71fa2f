import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { listen, type TestServer } from './servers.ts';
import { runInTerminal } from './terminal.ts';

// An API whose status reads all fail: 500 for task_500, 429 (Retry-After: 1) for task_429.
let api: TestServer;
let reads = 0;
beforeAll(async () => {
  api = await listen((request, response) => {
    reads++;
    const taskId = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('taskId');
    const status = taskId === 'task_429' ? 429 : 500;
    response.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '1' });
    response.end(JSON.stringify({ code: status, message: status === 429 ? 'slow down' : 'internal error' }));
  });
});
afterAll(() => api.close());

describe('errors while waiting', { timeout: 60_000 }, () => {
  it('are named in the timeout message, in the unit the user gave', async () => {
    const before = reads;
    const result = await runCli(['wait', 'task_500', '--timeout', '3', '--base-url', api.url, '--json']);
    expect(result.status, result.stderr).toBe(3);
    expect(result.stderr).toMatch(
      /Task task_500 did not finish within 3 s; status reads that failed while waiting: HTTP 500 ×\d+; it keeps running/,
    );
    expect(result.stderr).not.toContain('3000 ms');
    expect(result.stderr).toMatch(/reading the status failed \(.*HTTP 500.*\), trying again/);
    expect(JSON.parse(result.stdout).error).toMatchObject({ name: 'WanTimeoutError', taskId: 'task_500' });
    expect(reads).toBeGreaterThan(before);
  });

  it('show on the live progress line of a terminal', async () => {
    const terminal = runInTerminal(['wait', 'task_429', '--timeout', '4', '--base-url', api.url], {
      NO_COLOR: '1',
    });
    expect(await terminal.exited, terminal.screen).toBe(3);
    expect(terminal.screen).toMatch(/waiting .*failed reads: HTTP 429 ×\d+/);
    expect(terminal.screen).toContain(
      'did not finish within 4 s; status reads that failed while waiting: HTTP 429',
    );
  });
});
