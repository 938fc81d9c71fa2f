// Prism alone, started as a user runs it (`prism mock openapi.json`, the CLI at the mock's pinned version)
// on the spec the mock loads: the baseline bench/src/mock.ts measures the mock against.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@wan25/test-utils';
import { loadSpec } from '../../packages/mock/src/spec.ts';

/** A server the bench started: where it answers, and how to stop it. */
export interface Running {
  url: string;
  close(): Promise<void>;
}

const host = '127.0.0.1';

/** The `prism` bin of @stoplight/prism-cli. */
function prismBin(): string {
  const manifest = createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/** Starts `prism mock` on a free loopback port and resolves once it answers HTTP (any status). */
export async function startPrismAlone(): Promise<Running> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-prism-'));
  const specFile = join(folder, 'openapi.json');
  writeFileSync(specFile, JSON.stringify(loadSpec().forPrism));
  const port = await freePort();
  // Silent and in one process, as the mock runs Prism: the comparison is of serving, not of logging.
  const args = ['mock', specFile, '--host', host, '--port', String(port), '--verboseLevel', 'silent'];
  const child = spawn(process.execPath, [prismBin(), ...args, '--multiprocess=false'], {
    stdio: 'ignore',
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  const exited = once(child, 'exit');
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  const url = `http://${host}:${port}`;
  while (child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return { url, close };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  await close();
  throw new Error(`prism mock exited (${child.exitCode}) before answering on ${url}`);
}
