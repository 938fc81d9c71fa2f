import type { Command } from 'commander';
import { awaitTask, checkWritable } from '../await-task.ts';
import { connect } from '../connection.ts';
import type { CommandContext, Runner } from '../context.ts';
import { ExitCode } from '../exit.ts';
import { addApiOptions, examples, timeoutOption } from '../options.ts';
import { addPollOptions } from '../request-options.ts';

interface WaitFlags {
  timeout: number;
  out?: string;
  json?: boolean;
  baseUrl?: string;
}

export function registerWait(program: Command, run: Runner): void {
  const command = program
    .command('wait')
    .summary('wait for a submitted task and print its result URLs')
    .description(
      'Polls a task (submitted earlier, e.g. with generate --no-wait) until it finishes, showing progress, then prints the result URLs on stdout. Exits 1 when the task failed.',
    )
    .argument('<task-id>', 'the id that generate printed')
    .addOption(timeoutOption())
    .option('--out <file>', 'download the first result to this file');
  addApiOptions(addPollOptions(command))
    .addHelpText(
      'after',
      examples('wan25 wait task_12345678', 'wan25 wait task_12345678 --out video.mp4 --timeout 600'),
    )
    .action((taskId: string, flags: WaitFlags) => run(flags.json, (context) => wait(context, taskId, flags)));
}

async function wait(context: CommandContext, taskId: string, flags: WaitFlags): Promise<number> {
  const { output, signal } = context;
  context.facts.taskId = taskId;
  if (flags.out !== undefined) await checkWritable(flags.out);
  const { task, file } = await awaitTask(connect(flags), taskId, {
    output,
    signal,
    timeoutSeconds: flags.timeout,
    ...(flags.out === undefined ? {} : { out: flags.out }),
  });
  output.result({ ...task, ...(file === undefined ? {} : { file }) }, task.resultUrls);
  return ExitCode.ok;
}
