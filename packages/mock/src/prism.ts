import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

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
  const args = ['mock', spec, '--host', host, '--port', String(port), '--multiprocess=false'];
  return spawn(process.execPath, [prismCli, ...args], {
    detached: true,
    stdio: ['ignore', log ? 'inherit' : 'ignore', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
    windowsHide: true,
  });
}
