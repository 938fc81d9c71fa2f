import { type ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { setTimeout } from 'node:timers/promises';

/** The environment of a recipe's scripts: this Node first on PATH (recipes run TypeScript, Node >= 22.18). */
export function recipeEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [dirname(process.execPath), process.env.PATH].join(':'),
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  };
}

export interface Receiver {
  /** The recipe's webhook URL without a token, e.g. `https://127.0.0.1:43123/wan-webhook`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs a recipe as its users do (`npm start` in its project) and resolves once it prints where it
 * listens. Its processes form a group of their own, so that `stop` ends npm and the server alike.
 */
export async function startReceiver(projectDir: string, env: Record<string, string>): Promise<Receiver> {
  const receiver = spawn('npm', ['start', '--silent'], {
    cwd: projectDir,
    env: recipeEnv(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [receiver.stdout, receiver.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
  }
  const stop = () => stopGroup(receiver);
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      receiver.stdout?.on('data', () => {
        const announced = /listening on (https:\/\/\S+)/.exec(output)?.[1];
        if (announced !== undefined) resolve(new URL(announced).origin);
      });
      receiver.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening`)));
    });
    return { url: `${origin}/wan-webhook`, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} in ${projectDir}:\n${output}`);
  }
}

/** Ends a detached process and every process it started, at last with SIGKILL, and waits until all are gone. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) return;
  signal(group, 'SIGTERM');
  for (let waitedMs = 0; signal(group, 0); waitedMs += 100) {
    if (waitedMs === 10_000) signal(group, 'SIGKILL');
    await setTimeout(100);
  }
}

/** Sends `code` to every process of the group; false when none is left. */
function signal(group: number, code: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, code);
    return true;
  } catch {
    return false; // ESRCH
  }
}
