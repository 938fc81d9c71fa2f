import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { root } from './workspace.ts';

const run = promisify(execFile);

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  [field: string]: unknown;
}

export interface PublishedPackage {
  /** The folder name under packages/, e.g. `client`. */
  folder: string;
  dir: string;
  manifest: Manifest;
}

export interface PackedPackage extends PublishedPackage {
  /** The package.json inside the tarball: what the registry serves (workspace:* replaced, no devDependencies). */
  manifest: Manifest;
  tarball: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  files: string[];
}

/** Every package under packages/, private ones included. */
export function workspacePackages(): PublishedPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(packagesDir, entry.name);
      let manifest: Manifest;
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        return []; // a folder without a package.json is not a package (yet)
      }
      return [{ folder: entry.name, dir, manifest }];
    })
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Every package under packages/ that is not private: the ones `changeset publish` releases. */
export function publishedPackages(): PublishedPackage[] {
  return workspacePackages().filter((pkg) => pkg.manifest.private !== true);
}

/**
 * Packs one package with `pnpm pack` into `destination`, exactly as `pnpm publish` would
 * (workspace:* ranges replaced by real versions).
 */
export async function packPackage(pkg: PublishedPackage, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: pkg.dir,
  });
  const packed: { filename: string; files: { path: string }[] } = JSON.parse(stdout);
  const { stdout: manifest } = await run('tar', ['-xzOf', packed.filename, 'package/package.json']);
  return {
    ...pkg,
    manifest: JSON.parse(manifest),
    tarball: packed.filename,
    files: packed.files.map((file) => file.path),
  };
}

/** Packs every published package into `destination`. */
export function packPublishedPackages(destination: string): Promise<PackedPackage[]> {
  return Promise.all(publishedPackages().map((pkg) => packPackage(pkg, destination)));
}

/**
 * A `file:` dependency on each packed tarball, relative to `projectDir`, by package name: as a project's
 * `overrides` too, every @wan25/* dependency, direct or transitive, comes from its tarball.
 */
export function tarballDependencies(packed: PackedPackage[], projectDir: string): Record<string, string> {
  return Object.fromEntries(
    packed.map((pkg) => [pkg.manifest.name, `file:${relative(projectDir, pkg.tarball)}`]),
  );
}
