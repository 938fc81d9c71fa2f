import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Loaded into Prism's process before Prism: it exits once its parent is gone, which the operating
 * system signals by closing the parent's end of the stdin pipe. So Prism cannot outlive a parent that
 * had no chance to stop it (SIGKILL, a crash, a test runner killed on timeout).
 */
const exitWithParent = `data:text/javascript,${encodeURIComponent(
  "process.stdin.on('end', () => process.exit()).resume();",
)}`;

export interface SpecCopy {
  readonly file: string;
  remove(): void;
}

/**
 * A private copy of the bundled spec from @wan25/spec. Prism watches the file it serves and restarts on
 * any change, resetting every open connection, and `pnpm generate` rewrites the workspace's bundle; a
 * copy keeps a running mock stable. Resolved through this package's dependency, so it also works when
 * @wan25/mock is installed from its tarball outside the workspace.
 */
export function copySpec(): SpecCopy {
  const dir = mkdtempSync(join(tmpdir(), 'wan25-mock-'));
  const file = join(dir, 'openapi.json');
  copyFileSync(require.resolve('@wan25/spec/openapi.json'), file);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface PrismProcessOptions {
  /** The OpenAPI document to serve. */
  spec: string;
  host: string;
  port: number;
  /** Forward Prism's request log to this process's stdout. */
  log: boolean;
}

/** Starts `prism mock` (this package's pinned Prism) in its own process group, to be signalled as one. */
export function spawnPrism({ spec, host, port, log }: PrismProcessOptions): ChildProcess {
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const args = [
    ...['--import', exitWithParent, prismCli, 'mock', spec, '--host', host, '--port', String(port)],
    // Logging slows Prism down markedly (see pnpm load:mock), so it is off unless asked for.
    ...['--verboseLevel', log ? 'info' : 'silent'],
    // One process (the default unless NODE_ENV=production), so that close() has one process to wait for.
    '--multiprocess=false',
  ];
  return spawn(process.execPath, args, {
    detached: true,
    stdio: ['pipe', log ? 'inherit' : 'ignore', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    windowsHide: true,
  });
}
