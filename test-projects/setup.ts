import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packPublishedPackages } from '../scripts/lib/packages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The consumer project: the tarballs installed by npm, plus the files of test-projects/consumer. */
    consumerDir: string;
    /** The published package names, e.g. `@wan25/client`. */
    packageNames: string[];
    /** The origin of `wan25-mock`, started from the installed tarball. */
    mockUrl: string;
  }
}

// The consumer's own tools, pinned exactly like everything else.
const consumerDevDependencies = { esbuild: '0.28.2', typescript: '5.9.3' };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'wan25-consumers-'));
  const consumerDir = join(workDir, 'project');
  let mock: ChildProcess | undefined;
  const teardown = async () => {
    if (mock !== undefined && mock.exitCode === null) {
      const exited = new Promise((resolve) => mock?.once('exit', resolve));
      mock.kill('SIGTERM'); // wan25-mock stops its Prism, then exits
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const packed = await packPublishedPackages(join(workDir, 'tarballs'));
    cpSync(join(import.meta.dirname, 'consumer'), consumerDir, { recursive: true });
    // Every @wan25/* dependency, direct or transitive, comes from its tarball: none is on the registry yet.
    const tarballs = Object.fromEntries(
      packed.map((pkg) => [pkg.manifest.name, `file:${relative(consumerDir, pkg.tarball)}`]),
    );
    const manifest = {
      name: 'wan25-consumer',
      private: true,
      type: 'module',
      dependencies: tarballs,
      devDependencies: consumerDevDependencies,
      overrides: Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`])),
    };
    writeFileSync(join(consumerDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: consumerDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });

    mock = spawn(join(consumerDir, 'node_modules', '.bin', 'wan25-mock'), ['--port', '0'], {
      cwd: consumerDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    project.provide('mockUrl', await announcedUrl(mock));
    project.provide('consumerDir', consumerDir);
    project.provide(
      'packageNames',
      packed.map((pkg) => pkg.manifest.name),
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** `wan25-mock --port 0` prints the URL it serves on once Prism answers HTTP. */
function announcedUrl(mock: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: string) => {
      output += chunk;
      const url = /serving .* at (http:\/\/\S+)\s/.exec(output)?.[1]; // whole once whitespace follows
      if (url === undefined) return;
      mock.stdout?.off('data', onData).resume(); // keep draining Prism's request log
      resolve(url);
    };
    mock.stdout?.setEncoding('utf8').on('data', onData);
    mock.once('exit', (code) => reject(new Error(`wan25-mock exited (${code}) before serving:\n${output}`)));
  });
}
