import type { WanTask } from '@wan25/client';
import type { Command } from 'commander';
import { connect } from '../connection.ts';
import type { CommandContext, Runner } from '../context.ts';
import { ExitCode } from '../exit.ts';
import { addApiOptions, examples } from '../options.ts';

interface StatusFlags {
  json?: boolean;
  baseUrl?: string;
}

export function registerStatus(program: Command, run: Runner): void {
  const command = program
    .command('status')
    .summary("print a task's state once")
    .description(
      "Reads a task's state once and prints it on stdout: the state on the first line, then the result " +
        'URLs (success) or the fail code and message (failed). Exits 1 when the task failed.',
    )
    .argument('<task-id>', 'the id that generate printed');
  addApiOptions(command)
    .addHelpText('after', examples('wan25 status task_12345678', 'wan25 status task_12345678 --json'))
    .action((taskId: string, flags: StatusFlags) =>
      run(flags.json, (context) => status(context, taskId, flags)),
    );
}

async function status(context: CommandContext, taskId: string, flags: StatusFlags): Promise<number> {
  const { output, signal } = context;
  context.facts.taskId = taskId;
  const task = await connect(flags).getTask(taskId, { signal });
  output.result(task, describeTask(task));
  if (task.state !== 'failed') return ExitCode.ok;
  output.note(output.colors.red(`Task ${taskId} failed with ${task.failCode}`));
  return ExitCode.taskFailed;
}

function describeTask(task: WanTask): string[] {
  switch (task.state) {
    case 'success':
      return ['success', ...task.resultUrls];
    case 'failed':
      return ['failed', `${task.failCode}${task.failMsg ? `: ${task.failMsg}` : ''}`];
    case 'unknown':
      return [task.rawState];
    default:
      return [task.state];
  }
}
