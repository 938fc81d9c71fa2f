import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { createLoopbackCertificate } from '../../packages/test-utils/src/tls.ts';
import {
  type PackedPackage,
  packPublishedPackages,
  tarballDependencies,
} from '../../scripts/lib/packages.ts';
import { type InstalledMock, startInstalledMock } from '../installed-mock.ts';
import { recipeEnv } from './receiver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The recipes: the folders beside this file that have a package.json, e.g. `express`. */
    recipes: string[];
    /** The folder holding each recipe's installed project, under the recipe's name. */
    projectsDir: string;
    /** The self-signed certificate the recipes serve (PEM), which the mock trusts, and its files. */
    tls: { cert: string; keyFile: string; certFile: string };
    /** The origin of `wan25-mock`, started from its tarball. */
    mockUrl: string;
  }
}

const exec = promisify(execFile);
const recipesDir = import.meta.dirname;
const recipes = readdirSync(recipesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(recipesDir, entry.name, 'package.json')))
  .map((entry) => entry.name);

/**
 * Installs each recipe into a fresh project of its own, as a user would: its framework from the npm
 * registry at the versions it pins, `@wan25/client` from the packed tarball, and the stand-in database
 * (save-task.ts) beside it; then runs its `typecheck` and `build` scripts. Starts `wan25-mock`, installed
 * from its tarball into one more project, trusting the recipes' certificate.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'wan25-webhook-recipes-'));
  let mock: InstalledMock | undefined;
  const teardown = async () => {
    await mock?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const { key, cert } = createLoopbackCertificate();
    const tls = { cert, keyFile: join(workDir, 'key.pem'), certFile: join(workDir, 'cert.pem') };
    writeFileSync(tls.keyFile, key);
    writeFileSync(tls.certFile, cert);
    const packed = await packPublishedPackages(join(workDir, 'tarballs'));

    const mockDir = join(workDir, 'mock');
    mkdirSync(mockDir);
    await Promise.all([
      install(mockDir, packed, '@wan25/mock', { name: 'wan25-mock-server', private: true }),
      ...recipes.map(async (recipe) => {
        const dir = join(workDir, recipe);
        cpSync(join(recipesDir, recipe), dir, { recursive: true });
        cpSync(join(recipesDir, 'save-task.ts'), join(dir, 'save-task.ts'));
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        await install(dir, packed, '@wan25/client', manifest);
        for (const script of ['typecheck', 'build']) {
          if (manifest.scripts?.[script]) await run(dir, 'npm', ['run', script]);
        }
      }),
    ]);

    mock = await startInstalledMock(mockDir, [
      ...['--callback-ca', tls.certFile],
      ...['--task-seconds', '1', '--callback-retry-seconds', '0.5'],
    ]);
    project.provide('recipes', recipes);
    project.provide('projectsDir', workDir);
    project.provide('tls', tls);
    project.provide('mockUrl', mock.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Adds `dependency` from its tarball (and every other @wan25/* package it needs) to `manifest`, and installs. */
async function install(
  dir: string,
  packed: PackedPackage[],
  dependency: string,
  manifest: { dependencies?: Record<string, string>; [field: string]: unknown },
): Promise<void> {
  const tarballs = tarballDependencies(packed, dir);
  const dependencies = { ...manifest.dependencies, [dependency]: tarballs[dependency] };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ ...manifest, dependencies, overrides: tarballs }, null, 2)}\n`,
  );
  await run(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
}

/** Runs a command in a recipe's project; its error carries the command's output. */
async function run(dir: string, file: string, args: string[]): Promise<void> {
  try {
    await exec(file, args, { cwd: dir, env: recipeEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(' ')} failed in ${dir}:\n${stdout}${stderr}`);
  }
}
