import { estimateCost, mayHaveCreatedTask, WanValidationError } from '@wan25/client';
import { type Command, Option } from 'commander';
import { awaitTask, checkWritable } from '../await-task.ts';
import { aspectRatios, durations, resolutions } from '../choices.ts';
import { connect } from '../connection.ts';
import type { CommandContext, Runner } from '../context.ts';
import { ExitCode } from '../exit.ts';
import { describeCost } from '../format.ts';
import { flagErrors, type InputFlags, requestFromFlags } from '../input.ts';
import { addApiOptions, examples, timeoutOption } from '../options.ts';
import { addPollOptions } from '../request-options.ts';

interface GenerateFlags extends InputFlags {
  wait: boolean;
  timeout: number;
  out?: string;
  json?: boolean;
  baseUrl?: string;
}

export function registerGenerate(program: Command, run: Runner): void {
  const command = program
    .command('generate')
    .summary('submit a video task, wait for it and print the result URLs')
    .description(
      'Submits a text-to-video task (or image-to-video with --image), prints the estimated cost and the task id, shows progress while it runs, then prints the result URLs on stdout.',
    )
    .argument('[prompt]', 'what the video shows (required without --image; at most 1500 characters)')
    .option('--image <url>', 'reference image URL: makes it an image-to-video task')
    .option('--audio <url>', 'audio track URL (wav/mp3, 3-30 s)')
    .addOption(new Option('--resolution <r>', 'output resolution, 1080p when omitted').choices(resolutions))
    .addOption(new Option('--duration <seconds>', 'video length, 5 when omitted').choices(durations))
    .addOption(
      new Option(
        '--aspect-ratio <ratio>',
        'text-to-video only, 16:9 when omitted; 4:3 and 3:4 need 720p or 1080p',
      ).choices(aspectRatios),
    )
    .option('--negative-prompt <text>', 'what to avoid (at most 500 characters)')
    .option('--seed <n>', 'random seed from 0 to 2147483647')
    .option('--no-prompt-extend', 'do not let the API rewrite the prompt')
    .option('--watermark', 'add the "AI 生成" watermark')
    .option('--callback-url <url>', 'also have the API POST the final status to this https URL')
    .option('--no-wait', 'print the task id and exit without waiting')
    .addOption(timeoutOption())
    .option('--out <file>', 'download the first result to this file');
  addApiOptions(addPollOptions(command))
    .addHelpText(
      'after',
      examples(
        'wan25 generate "a paper boat drifting down a rainy street" --resolution 720p --duration 5',
        'wan25 generate "slow push-in" --image https://example.com/photo.png --out boat.mp4',
        'wan25 generate "a lighthouse at dusk" --no-wait --json',
      ),
    )
    .action((prompt: string | undefined, flags: GenerateFlags) =>
      run(flags.json, (context) => generate(context, prompt, flags)),
    );
}

async function generate(
  context: CommandContext,
  prompt: string | undefined,
  flags: GenerateFlags,
): Promise<number> {
  const { output, signal, facts } = context;
  const request = requestFromFlags(prompt, flags);
  const { input, callbackUrl } = request;
  if (flags.out !== undefined) await checkWritable(flags.out);
  const wan = connect(flags);

  // Not cancelled by Ctrl-C: an aborted submit may still create (and bill) a task we would not know of.
  const onInterrupt = () =>
    output.note('Stopping: letting the submit in flight finish first, so that its task id is not lost');
  signal.addEventListener('abort', onInterrupt, { once: true });
  let taskId: string;
  // Taken before the submit, like the client's generate(): the task is created no earlier.
  const createdAt = Date.now();
  try {
    ({ taskId } = await wan.submit(input, callbackUrl === undefined ? {} : { callbackUrl }));
  } catch (error) {
    // The client checked the request and sent nothing: say which flags are wrong.
    if (error instanceof WanValidationError && !error.fromResponse) throw flagErrors(error.issues);
    if (mayHaveCreatedTask(error)) {
      output.note(
        output.colors.yellow(
          'The submit may have created (and billed) a task whose id never came back: check your APIXO dashboard before submitting again.',
        ),
      );
    }
    throw error;
  } finally {
    signal.removeEventListener('abort', onInterrupt);
  }
  facts.taskId = taskId;
  context.createdTaskId = taskId;
  const resolution = input.resolution ?? '1080p';
  const estimatedCost = estimateCost(input);
  facts.estimatedCost = estimatedCost;
  output.note(
    `Submitted task ${output.colors.bold(taskId)}, estimated cost ${describeCost(estimatedCost, resolution)}`,
  );
  if (signal.aborted) throw signal.reason;

  if (!flags.wait) {
    output.result({ taskId, state: 'submitted', estimatedCost }, [taskId]);
    return ExitCode.ok;
  }
  const { task, file } = await awaitTask(wan, taskId, {
    output,
    signal,
    resolution,
    createdAt,
    timeoutSeconds: flags.timeout,
    ...(flags.out === undefined ? {} : { out: flags.out }),
  });
  output.result({ ...task, estimatedCost, ...(file === undefined ? {} : { file }) }, task.resultUrls);
  return ExitCode.ok;
}
