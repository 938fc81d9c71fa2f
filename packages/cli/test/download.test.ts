import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { listen, type TestServer } from './servers.ts';

// A loopback API whose succeeded tasks point at files it serves itself: /files/video.mp4 (1 MiB), and
// /files/expired.mp4, which answers 403 like an expired temporary URL.
const video = randomBytes(1024 * 1024);
let api: TestServer;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wan25-cli-download-'));
  api = await listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/files/video.mp4') {
      response.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': video.length });
      response.end(video);
    } else if (url.pathname === '/files/expired.mp4') {
      response.writeHead(403).end('AccessDenied');
    } else if (url.pathname === '/statusTask/wan-2-5-video') {
      const file = url.searchParams.get('taskId') === 'task_expired' ? 'expired.mp4' : 'video.mp4';
      const resultJson = JSON.stringify({ resultUrls: [`${api.url}/files/${file}`] });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify({
          code: 200,
          message: 'success',
          data: {
            taskId: url.searchParams.get('taskId'),
            state: 'success',
            resultJson,
            createTime: 1767965610929,
          },
        }),
      );
    } else {
      response.writeHead(404).end();
    }
  });
});
afterAll(async () => {
  await api.close();
  await rm(folder, { recursive: true, force: true });
});

describe('wan25 wait --out', { timeout: 60_000 }, () => {
  it('streams the first result to the file', async () => {
    const file = join(folder, 'video.mp4');
    const result = await runCli(['wait', 'task_ok', '--out', file, '--json', '--base-url', api.url]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file, resultUrls: [`${api.url}/files/video.mp4`] });
    expect((await readFile(file)).equals(video)).toBe(true);
    expect(result.stderr).toContain(`Saved 1.0 MiB to ${file}`);
  });

  it('says the temporary URL expired on 403, exits 3 and leaves no partial file', async () => {
    const file = join(folder, 'expired.mp4');
    const result = await runCli(['wait', 'task_expired', '--out', file, '--base-url', api.url]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('The result URL has expired (HTTP 403)');
    expect(await readdir(folder)).not.toContain('expired.mp4');
    expect((await readdir(folder)).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
