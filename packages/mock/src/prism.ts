import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loaded into Prism's process before Prism: it exits once its parent is gone, which the operating
 * system signals by closing the parent's end of the stdin pipe. So Prism cannot outlive a parent that
 * had no chance to stop it (SIGKILL, a crash, a test runner killed on timeout).
 */
const exitWithParent = `data:text/javascript,${encodeURIComponent(
  "process.stdin.on('end', () => process.exit()).resume();",
)}`;

export interface PrismProcessOptions {
  host: string;
  port: number;
  /** Forward Prism's request log to this process's stdout. */
  log: boolean;
}

/**
 * Starts `prism mock` on the bundled spec in its own process group, so that the whole group can be
 * signalled at once. Both paths are resolved through this package's dependencies, so they also work
 * when @wan25/mock is installed from its tarball outside the workspace.
 */
export function spawnPrism({ host, port, log }: PrismProcessOptions): ChildProcess {
  const prismCli = require.resolve('@stoplight/prism-cli/dist/index.js');
  const spec = require.resolve('@wan25/spec/openapi.json');
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
