import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built bin: these tests run `wan25` the way users do (build first: `pnpm build`). */
export const binPath = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export const testApiKey = 'wan25-cli-test-key-9f3a';

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** A module for `node --import`, loaded before wan25 (e.g. to inject file system faults). */
  preload?: string;
}

/**
 * The poll schedule of every run: the mock's tasks have real `createTime`s, so the recommended first poll
 * (40/60/90 s after creation) would make each test wait that long.
 */
export const testPollSchedule = { WAN25_FIRST_POLL_SECONDS: '0', WAN25_POLL_INTERVAL_SECONDS: '0.2' };

function environment(env: CliOptions['env'] = {}): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    APIXO_API_KEY: testApiKey,
    NO_COLOR: '1',
    ...testPollSchedule,
    ...env,
  };
  delete merged.APIXO_BASE_URL;
  if (env.APIXO_BASE_URL !== undefined) merged.APIXO_BASE_URL = env.APIXO_BASE_URL;
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  return merged;
}

/** Starts `wan25 ...args` as a child process. */
export function startCli(args: readonly string[], options: CliOptions = {}): ChildProcess {
  if (!existsSync(binPath)) throw new Error(`${binPath} is missing: run \`pnpm build\` first`);
  const preload = options.preload === undefined ? [] : ['--import', options.preload];
  return spawn(process.execPath, [...preload, binPath, ...args], {
    env: environment(options.env),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `wan25 ...args` to the end (asynchronously, so servers in this process keep answering). */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = startCli(args, options);
  return collect(child);
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}
