import { type Duration, estimateCost, type Resolution } from '@wan25/client';
import { type Command, Option } from 'commander';
import { durations, resolutions } from '../choices.ts';
import type { CommandContext, Runner } from '../context.ts';
import { ExitCode } from '../exit.ts';
import { describeCost } from '../format.ts';
import { examples } from '../options.ts';

interface CostFlags {
  resolution: Resolution;
  /** One of `durations`, as text. */
  duration: string;
  json?: boolean;
}

export function registerCost(program: Command, run: Runner): void {
  program
    .command('cost')
    .summary('print what a task costs (sends nothing)')
    .description(
      "Prints a task's price by the API's billing table: seconds of video times the resolution's rate.",
    )
    .addOption(new Option('--resolution <r>', 'output resolution').choices(resolutions).default('1080p'))
    .addOption(new Option('--duration <seconds>', 'video length').choices(durations).default('5'))
    .option('--json', 'print one JSON document on stdout')
    .addHelpText(
      'after',
      examples('wan25 cost --resolution 1080p --duration 10', 'wan25 cost --resolution 480p --json'),
    )
    .action((flags: CostFlags) => run(flags.json, (context) => cost(context, flags)));
}

async function cost({ output }: CommandContext, flags: CostFlags): Promise<number> {
  const { resolution } = flags;
  const duration = Number(flags.duration) as Duration;
  const estimate = estimateCost({ resolution, duration });
  output.result({ resolution, duration, currency: 'USD', ...estimate }, [describeCost(estimate, resolution)]);
  return ExitCode.ok;
}
