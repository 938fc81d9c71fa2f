// The main job behind the root `pnpm start`: starts the Wan 2.5 API mock (@wan25/mock) on a free port,
// runs the built `wan25 generate` against it with a sample prompt, downloads the video into a temporary
// folder, stops the mock and exits with the command's exit code. The mock gets a placeholder key: no real
// key is needed and nothing is billed. Its task takes 2 s, and wan25 polls it every half second instead
// of waiting the 60 s a real 720p task needs before its first poll.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@wan25/mock';

const bin = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const args = [
  'generate',
  'a paper boat drifting down a rainy street at dusk',
  '--resolution',
  '720p',
  '--duration',
  '5',
  '--out',
  join(mkdtempSync(join(tmpdir(), 'wan25-demo-')), 'paper-boat.mp4'),
];
const pollSchedule = { WAN25_FIRST_POLL_SECONDS: '0.5', WAN25_POLL_INTERVAL_SECONDS: '0.5' };

const mock = await startMockServer({ taskSeconds: 2 });
console.error(`Started the Wan 2.5 API mock at ${mock.url}`);
console.error(`$ wan25 ${args.map((arg) => (arg.includes(' ') ? `"${arg}"` : arg)).join(' ')}`);

// Ctrl-C reaches wan25 too (same terminal); wait for it to exit, then stop the mock.
process.on('SIGINT', () => {});
let exitCode: number;
try {
  exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: 'inherit',
      env: {
        ...process.env,
        ...pollSchedule,
        APIXO_API_KEY: 'mock-placeholder-key',
        APIXO_BASE_URL: mock.url,
      },
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
} finally {
  await mock.close();
}
console.error(`Stopped the mock; wan25 exited with ${exitCode}.`);
process.exit(exitCode);
