import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

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
