import { Command, CommanderError } from 'commander';
import { registerBatch } from './commands/batch.ts';
import { registerCost } from './commands/cost.ts';
import { registerGenerate } from './commands/generate.ts';
import { registerStatus } from './commands/status.ts';
import { registerWait } from './commands/wait.ts';
import type { CommandContext, Runner } from './context.ts';
import { ExitCode } from './exit.ts';
import { listenForInterrupt } from './interrupt.ts';
import { Output } from './output.ts';
import { reportError } from './report.ts';

declare const __WAN25_CLI_VERSION__: string;

/** Commander's own exits that are not errors. */
const helpCodes = new Set(['commander.helpDisplayed', 'commander.version']);

/** Runs `wan25` with `argv` (without the node and script paths) and answers the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const run: Runner = async (json, body) => {
    const output = new Output({ json: json === true });
    const interrupt = listenForInterrupt();
    const context: CommandContext = { output, signal: interrupt.signal, facts: {} };
    try {
      exitCode = await body(context);
    } catch (error) {
      exitCode = reportError(context, error);
    } finally {
      interrupt.dispose();
    }
  };

  const program = new Command('wan25')
    .description('Generate Wan 2.5 videos from a terminal. The API key comes from APIXO_API_KEY.')
    .version(__WAN25_CLI_VERSION__)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText(
      'after',
      '\nExit codes: 0 success, 1 task failed, 2 usage or validation error (nothing sent), 3 API or network error,\n' +
        '4 a local file (journal, lock, output) could not be read or written, 130 Ctrl-C, 143 SIGTERM.\n' +
        'Environment: APIXO_API_KEY (required for API calls), APIXO_BASE_URL, NO_COLOR.',
    );
  registerGenerate(program, run);
  registerStatus(program, run);
  registerWait(program, run);
  registerCost(program, run);
  registerBatch(program, run);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (helpCodes.has(error.code)) return ExitCode.ok;
    // Commander printed the problem on stderr; keep the one-JSON-document promise.
    if (argv.includes('--json')) {
      process.stdout.write(
        `${JSON.stringify({ error: { name: 'UsageError', message: error.message, exitCode: ExitCode.usage } }, null, 2)}\n`,
      );
    }
    return ExitCode.usage;
  }
  return exitCode;
}
