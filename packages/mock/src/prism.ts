import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export interface PrismProcessOptions {
  host: string;
  port: number;
  /** Forward Prism's request log to this process's stdout. */
  log: boolean;
}

/**
 * Starts `prism mock` (this package's pinned Prism) on a private copy of the bundled spec from
 * @wan25/spec, in its own process group so that the whole group can be signalled at once.
 *
 * The copy: Prism watches the file it serves and restarts whenever it changes, resetting every open
 * connection, and `pnpm generate` rewrites the workspace's bundle. It lives until Prism exits.
 */
export function spawnPrism({ host, port, log }: PrismProcessOptions): ChildProcess {
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const specDir = mkdtempSync(join(tmpdir(), 'wan25-mock-'));
  const spec = join(specDir, 'openapi.json');
  copyFileSync(require.resolve('@wan25/spec/openapi.json'), spec);

  const args = [
    ...['--import', exitWithParent(specDir), prismCli, 'mock', spec, '--host', host, '--port', String(port)],
    // Logging slows Prism down markedly (see pnpm load:mock), so it is off unless asked for.
    ...['--verboseLevel', log ? 'info' : 'silent'],
    // One process (the default unless NODE_ENV=production), so that close() has one process to wait for.
    '--multiprocess=false',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['pipe', log ? 'inherit' : 'ignore', 'pipe'],
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
