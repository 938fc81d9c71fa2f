import { type ChildProcess, spawn } from 'node:child_process';
import { binPath, testApiKey, testPollSchedule } from './cli.ts';

export interface Terminal {
  /** Everything the command wrote to the terminal so far. */
  readonly screen: string;
  /** Types into the terminal, e.g. '\x03' (Ctrl-C: the terminal sends SIGINT to the command). */
  type(text: string): void;
  /** Resolves with the command's exit code. */
  readonly exited: Promise<number | null>;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * Runs `wan25 ...args` in a pseudo-terminal with util-linux `script` (no tmux needed): the command's
 * stdout and stderr are a TTY, and Ctrl-C typed on `type` reaches it as SIGINT like in a real terminal.
 */
export function runInTerminal(args: readonly string[], env: Record<string, string> = {}): Terminal {
  const command = [process.execPath, binPath, ...args].map(quote).join(' ');
  const child: ChildProcess = spawn(
    'script',
    ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
    {
      env: {
        ...process.env,
        APIXO_API_KEY: testApiKey,
        TERM: 'xterm-256color',
        NO_COLOR: '',
        ...testPollSchedule,
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let screen = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  return {
    get screen() {
      return screen;
    },
    type: (text) => child.stdin?.write(text),
    exited,
  };
}
