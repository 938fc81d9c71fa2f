import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type PackedPackage, packPublishedPackages, tarballDependencies } from '../scripts/lib/packages.ts';
import { type InstalledMock, startInstalledMock } from './installed-mock.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The consumer project: the tarballs installed by npm, plus the files of test-projects/consumer. */
    consumerDir: string;
    /** The published package names, e.g. `@wan25/client`. */
    packageNames: string[];
    /** The origin of `wan25-mock`, started from the installed tarball. */
    mockUrl: string;
    /** The oldest Node.js the packages support (their engines.node), installed from npm: its version and binary. */
    oldestNode: { version: string; path: string };
  }
}

// The consumer's own tools, pinned exactly like everything else.
const consumerDevDependencies = { esbuild: '0.28.2', typescript: '5.9.3' };
const npmInstall = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

/** The oldest Node.js version that every package's engines.node (">=20.19", say) allows: "20.19.0". */
function oldestSupportedNode(packed: PackedPackage[]): string {
  const ranges = [...new Set(packed.map((pkg) => (pkg.manifest.engines as { node?: string }).node))];
  const match = ranges.length === 1 ? /^>=(\d+)\.(\d+)$/.exec(ranges[0] ?? '') : null;
  if (match === null)
    throw new Error(`every package's engines.node must be one ">=MAJOR.MINOR", not ${ranges}`);
  return `${match[1]}.${match[2]}.0`;
}

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
    execFileSync('npm', npmInstall, { cwd: consumerDir, stdio: ['ignore', 'ignore', 'inherit'] });
    // The Node tests run the consumer's scripts on it besides the workspace's Node, from npm's `node`
    // package (as .ci/toolchain installs Node 24), in a folder of its own: the consumer has no `node` bin.
    const oldestNode = oldestSupportedNode(packed);
    const oldestNodeDir = join(workDir, 'oldest-node');
    execFileSync('npm', [...npmInstall, '--prefix', oldestNodeDir, `node@${oldestNode}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    project.provide('oldestNode', {
      version: `v${oldestNode}`,
      path: join(oldestNodeDir, 'node_modules', '.bin', 'node'),
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
