import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { npmrc, type Registry } from './verdaccio.ts';

const exec = promisify(execFile);
const resolve = createRequire(import.meta.url).resolve;
const yarn = join(dirname(resolve('@yarnpkg/cli-dist/package.json')), 'bin', 'yarn.js');
const bun = join(dirname(resolve('bun/package.json')), 'bin', 'bun.exe');

export interface PackageManager {
  name: string;
  /** Points the project in `dir` at the registry, in the manager's own configuration file. */
  configure(dir: string, registry: Registry): void;
  /** The command that adds packages by name: [file, ...args]. */
  add: string[];
  /** The command that runs an installed package's bin, as a user types it: [file, ...args]. */
  exec: string[];
}

export const packageManagers: PackageManager[] = [
  {
    name: 'npm',
    configure: (dir, registry) => writeFileSync(join(dir, '.npmrc'), npmrc(registry, false)),
    add: ['npm', 'install', '--no-audit', '--no-fund'],
    exec: ['npx'],
  },
  {
    name: 'pnpm',
    configure: (dir, registry) => writeFileSync(join(dir, '.npmrc'), npmrc(registry, false)),
    add: ['pnpm', 'add'],
    exec: ['pnpm', 'exec'],
  },
  {
    name: 'yarn',
    configure: (dir, registry) =>
      writeFileSync(
        join(dir, '.yarnrc.yml'),
        [
          `npmRegistryServer: "${registry.url}"`,
          'unsafeHttpWhitelist: ["127.0.0.1"]',
          // Yarn installs no version younger than a day (npmMinimalAgeGate) unless its package is preapproved,
          // as a user who installs a release of ours on the day it is published must do too.
          'npmPreapprovedPackages: ["@wan25/*"]',
          'nodeLinker: node-modules',
          // Yarn's default 50 parallel fetches made a loaded machine's Verdaccio drop connections.
          'networkConcurrency: 8',
          'enableGlobalCache: false',
          'enableTelemetry: false',
          '',
        ].join('\n'),
      ),
    add: [process.execPath, yarn, 'add'],
    exec: [process.execPath, yarn, 'run'],
  },
  {
    name: 'bun',
    configure: (dir, registry) =>
      writeFileSync(join(dir, 'bunfig.toml'), `[install]\nregistry = "${registry.url}"\n`),
    add: [bun, 'add'],
    exec: [bun, 'x'],
  },
];

/**
 * The environment without the npm_config_* variables that `pnpm run` sets (the registry among them): they
 * would override the configuration files that point each package manager at the test's registry.
 */
export const withoutNpmConfig = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)),
);

/** Runs [file, ...args] in `dir`; the error names the command and carries its output. */
export async function runIn(dir: string, [file, ...args]: string[], extra: string[] = []) {
  try {
    return await exec(file ?? '', [...args, ...extra], {
      cwd: dir,
      env: withoutNpmConfig,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args, ...extra].join(' ')} failed in ${dir}:\n${stdout}${stderr}`);
  }
}
