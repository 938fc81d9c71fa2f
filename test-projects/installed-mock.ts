import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface InstalledMock {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the `wan25-mock` bin a package manager installed in `projectDir`, on a free port, with `args`
 * besides (e.g. `['--callback-ca', certFile]`).
 */
export async function startInstalledMock(projectDir: string, args: string[] = []): Promise<InstalledMock> {
  const mock = spawn(join(projectDir, 'node_modules', '.bin', 'wan25-mock'), ['--port', '0', ...args], {
    cwd: projectDir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (mock.exitCode !== null || mock.signalCode !== null) return;
    const exited = new Promise((resolve) => mock.once('exit', resolve));
    mock.kill('SIGTERM'); // wan25-mock closes its server, then exits 0
    await exited;
  };
  // `wan25-mock --port 0` prints the URL it serves on once it answers HTTP.
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: string) => {
      output += chunk;
      const announced = /serving .* at (http:\/\/\S+)\s/.exec(output)?.[1]; // whole once whitespace follows
      if (announced === undefined) return;
      mock.stdout?.off('data', onData).resume(); // keep draining its request log
      resolve(announced);
    };
    mock.stdout?.setEncoding('utf8').on('data', onData);
    mock.once('exit', (code) => reject(new Error(`wan25-mock exited (${code}) before serving:\n${output}`)));
  });
  return { url, stop };
}
