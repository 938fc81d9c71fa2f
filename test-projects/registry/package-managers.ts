import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { npmrc, type Registry } from './verdaccio.ts';

const resolve = createRequire(import.meta.url).resolve;
const yarn = join(dirname(resolve('@yarnpkg/cli-dist/package.json')), 'bin', 'yarn.js');
const bun = join(dirname(resolve('bun/package.json')), 'bin', 'bun.exe');

export interface PackageManager {
  name: string;
  /**
   * Points the project in `dir` at the registry, in the manager's own configuration file, with the
   * manager's caches in `cache` (an empty folder of the test's): see packageManagers.
   */
  configure(dir: string, registry: Registry, cache: string): void;
  /** The command that adds packages by name: [file, ...args]. */
  add: string[];
  /** The command that runs an installed package's bin, as a user types it: [file, ...args]. */
  exec: string[];
}

/**
 * Each manager keeps its caches in the test's folder, as Verdaccio keeps its storage there: the test neither
 * reads nor fills the user's caches. Yarn needs it to pass at all: it caches registry metadata under its
 * global folder by host name without the port, so a run would read an earlier run's metadata, whose tarball
 * URLs name that run's Verdaccio port, closed since (ERR_SOCKET_CLOSED_BEFORE_CONNECTION in its fetch step).
 */
export const packageManagers: PackageManager[] = [
  {
    name: 'npm',
    configure: (dir, registry, cache) =>
      writeFileSync(join(dir, '.npmrc'), `${npmrc(registry, false)}cache=${cache}\n`),
    add: ['npm', 'install', '--no-audit', '--no-fund'],
    exec: ['npx'],
  },
  {
    name: 'pnpm',
    configure: (dir, registry, cache) =>
      writeFileSync(
        join(dir, '.npmrc'),
        `${npmrc(registry, false)}store-dir=${join(cache, 'store')}\ncache-dir=${join(cache, 'cache')}\n`,
      ),
    add: ['pnpm', 'add'],
    exec: ['pnpm', 'exec'],
  },
  {
    name: 'yarn',
    configure: (dir, registry, cache) =>
      writeFileSync(
        join(dir, '.yarnrc.yml'),
        [
          `npmRegistryServer: "${registry.url}"`,
          `globalFolder: "${cache}"`,
          'unsafeHttpWhitelist: ["127.0.0.1"]',
          // Yarn installs no version younger than a day (npmMinimalAgeGate) unless its package is preapproved,
          // as a user who installs a release of ours on the day it is published must do too.
          'npmPreapprovedPackages: ["@wan25/*"]',
          'nodeLinker: node-modules',
          'enableTelemetry: false',
          '',
        ].join('\n'),
      ),
    add: [process.execPath, yarn, 'add'],
    exec: [process.execPath, yarn, 'run'],
  },
  {
    name: 'bun',
    configure: (dir, registry, cache) =>
      writeFileSync(
        join(dir, 'bunfig.toml'),
        `[install]\nregistry = "${registry.url}"\n\n[install.cache]\ndir = "${cache}"\n`,
      ),
    add: [bun, 'add'],
    exec: [bun, 'x'],
  },
];
