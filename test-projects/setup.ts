import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { packPublishedPackages, tarballDependencies } from '../scripts/lib/packages.ts';
import { type InstalledMock, startInstalledMock } from './installed-mock.ts';

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
  let mock: InstalledMock | undefined;
  const teardown = async () => {
    await mock?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const packed = await packPublishedPackages(join(workDir, 'tarballs'));
    cpSync(join(import.meta.dirname, 'consumer'), consumerDir, { recursive: true });
    // Every @wan25/* dependency, direct or transitive, comes from its tarball: none is on the registry yet.
    const tarballs = tarballDependencies(packed, consumerDir);
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

    mock = await startInstalledMock(consumerDir);
    project.provide('mockUrl', mock.url);
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
