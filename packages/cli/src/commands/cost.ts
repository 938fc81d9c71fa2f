import { estimateCost, type Resolution } from '@wan25/client';
import { type Command, Option } from 'commander';
import type { CommandContext, Runner } from '../context.ts';
import { ExitCode } from '../exit.ts';
import { describeCost } from '../format.ts';
import { examples } from '../options.ts';

interface CostFlags {
  resolution: Resolution;
  duration: '5' | '10';
  json?: boolean;
}

export function registerCost(program: Command, run: Runner): void {
  program
    .command('cost')
    .summary('print what a task costs (sends nothing)')
    .description(
      "Prints a task's price by the API's billing table: seconds of video times the resolution's rate.",
    )
    .addOption(
      new Option('--resolution <r>', 'output resolution').choices(['480p', '720p', '1080p']).default('1080p'),
    )
    .addOption(new Option('--duration <seconds>', 'video length').choices(['5', '10']).default('5'))
    .option('--json', 'print one JSON document on stdout')
    .addHelpText(
      'after',
      examples('wan25 cost --resolution 1080p --duration 10', 'wan25 cost --resolution 480p --json'),
    )
    .action((flags: CostFlags) => run(flags.json, (context) => cost(context, flags)));
}

async function cost({ output }: CommandContext, flags: CostFlags): Promise<number> {
  const { resolution } = flags;
  const duration = flags.duration === '10' ? 10 : 5;
  const estimate = estimateCost({ resolution, duration });
  output.result({ resolution, duration, currency: 'USD', ...estimate }, [describeCost(estimate, resolution)]);
  return ExitCode.ok;
}
