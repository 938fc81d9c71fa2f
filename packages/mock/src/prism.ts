import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export interface PrismProcessOptions {
  /** The spec to serve, as JSON text. */
  spec: string;
  host: string;
  port: number;
}

/**
 * Starts `prism mock` (this package's pinned Prism) on a private copy of the spec, in its own process
 * group so that the whole group can be signalled at once. Prism logs nothing: the mock in front of it
 * logs each request with the violations Prism found.
 *
 * The copy: Prism watches the file it serves and restarts whenever it changes, resetting every open
 * connection, and `pnpm generate` rewrites the workspace's bundle. It lives until Prism exits.
 */
export function spawnPrism({ spec, host, port }: PrismProcessOptions): ChildProcess {
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const specDir = mkdtempSync(join(tmpdir(), 'wan25-mock-'));
  const specFile = join(specDir, 'openapi.json');
  writeFileSync(specFile, spec);

  const args = [
    ...[
      '--import',
      exitWithParent(specDir),
      prismCli,
      'mock',
      specFile,
      '--host',
      host,
      '--port',
      String(port),
    ],
    ...['--verboseLevel', 'silent'],
    // One process (the default unless NODE_ENV=production), so that close() has one process to wait for.
    '--multiprocess=false',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    windowsHide: true,
  });
  const removeSpec = () => rmSync(specDir, { recursive: true, force: true });
  child.once('exit', removeSpec).once('error', removeSpec);
  return child;
}

/**
 * A module loaded into Prism's process before Prism: once the parent is gone, which the operating
 * system signals by closing the parent's end of Prism's stdin pipe, it removes the spec copy and exits.
 * So Prism cannot outlive a parent that had no chance to stop it (SIGKILL, a crash, a killed test run).
 */
function exitWithParent(specDir: string): string {
  const source = `import { rmSync } from 'node:fs';
process.stdin.on('end', () => {
  try { rmSync(${JSON.stringify(specDir)}, { recursive: true, force: true }); } finally { process.exit(); }
}).resume();`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
