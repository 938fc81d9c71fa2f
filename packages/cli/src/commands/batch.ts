import { mkdir } from 'node:fs/promises';
import { estimateCost } from '@wan25/client';
import type { Command } from 'commander';
import { Journal } from '../batch/journal.ts';
import { readBatchFile } from '../batch/lines.ts';
import { type BatchSummary, runBatch } from '../batch/run-batch.ts';
import { connect } from '../connection.ts';
import type { CommandContext, Runner } from '../context.ts';
import { UsageError } from '../exit.ts';
import { formatUsd } from '../format.ts';
import { addApiOptions, examples, parsePositiveInteger, timeoutOption } from '../options.ts';
import type { Output } from '../output.ts';
import { addPollOptions } from '../request-options.ts';

interface BatchFlags {
  concurrency: number;
  journal?: string;
  outDir?: string;
  resubmitUnknown?: boolean;
  timeout: number;
  json?: boolean;
  baseUrl?: string;
}

export function registerBatch(program: Command, run: Runner): void {
  const command = program
    .command('batch')
    .summary('generate one video per line of a JSONL file; rerun to resume')
    .description(
      [
        "Submits one task per line of FILE (each line a JSON object of the API's input fields, e.g.",
        '{"prompt": "a fox in the snow", "resolution": "720p"}), with at most --concurrency tasks in flight,',
        'and waits for them. Every step is recorded in a journal before it is acted on, so running the same',
        'command again after a crash or Ctrl-C resumes: it waits for the tasks still running and never',
        'submits a line twice. A line whose submit was sent but whose task id never came back (a crash or a',
        'network error at that moment) may or may not exist: it is reported, and resent only with',
        '--resubmit-unknown.',
      ].join(' '),
    )
    .argument('<file>', 'JSONL file, one task input per line')
    .option('--concurrency <n>', 'tasks in flight at once', parsePositiveInteger, 4)
    .option('--journal <file>', 'journal file (default: FILE.journal)')
    .option('--out-dir <dir>', 'download each first result to DIR/line-NNNN.mp4')
    .option(
      '--resubmit-unknown',
      'also resend lines that an interrupted submit may already have created (may pay twice)',
    )
    .addOption(timeoutOption());
  addApiOptions(addPollOptions(command))
    .addHelpText(
      'after',
      examples(
        'wan25 batch prompts.jsonl --concurrency 8 --out-dir videos',
        'wan25 batch prompts.jsonl --journal prompts.journal   # the same command resumes after Ctrl-C',
        'wan25 batch prompts.jsonl --json > summary.json',
      ),
    )
    .action((file: string, flags: BatchFlags, self: Command) =>
      run(flags.json, (context) => batch(context, file, flags, resumeCommand(file, self))),
    );
}

const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** The command that resumes this batch: the same file and the flags given, without `--resubmit-unknown`. */
function resumeCommand(file: string, command: Command): string {
  const words = ['wan25', 'batch', file];
  for (const option of command.options) {
    const key = option.attributeName();
    if (key === 'resubmitUnknown' || command.getOptionValueSource(key) !== 'cli') continue;
    const value: unknown = command.getOptionValue(key);
    words.push(option.long ?? option.flags);
    if (typeof value === 'string' || typeof value === 'number') words.push(String(value));
  }
  return words.map(shellWord).join(' ');
}

async function batch(
  context: CommandContext,
  file: string,
  flags: BatchFlags,
  resume: string,
): Promise<number> {
  const { output } = context;
  const lines = await readBatchFile(file);
  const wan = connect(flags);
  if (flags.outDir !== undefined) {
    const outDir = flags.outDir;
    await mkdir(outDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--out-dir: cannot create ${outDir} (${error.code ?? error.message})`);
    });
  }
  const { journal, states } = Journal.open(flags.journal ?? `${file}.journal`, lines);
  try {
    const resubmitUnknown = flags.resubmitUnknown === true;
    const counts = { toSubmit: 0, running: 0, done: 0, unknown: 0 };
    let toSubmitCents = 0;
    for (const line of lines) {
      const status = states.get(line.line)?.status ?? 'new';
      if (status === 'unknown') counts.unknown++;
      if (status === 'new' || status === 'rejected' || (status === 'unknown' && resubmitUnknown)) {
        counts.toSubmit++;
        toSubmitCents += Math.round(estimateCost(line.input).usd * 100);
      } else if (status === 'running') counts.running++;
      else if (status !== 'unknown') counts.done++;
    }
    const resent =
      resubmitUnknown && counts.unknown > 0 ? `, ${counts.unknown} of them possibly already paid for` : '';
    output.note(
      `${lines.length} lines: ${counts.done} done, ${counts.running} running, ${counts.toSubmit} to submit ` +
        `(estimated ${formatUsd(toSubmitCents / 100)}${resent}); journal ${journal.path}`,
    );
    if (counts.unknown > 0 && !resubmitUnknown) {
      output.note(
        output.colors.yellow(
          `${counts.unknown} lines may have been submitted by an earlier run that stopped before their task id came back: ` +
            'not resending them. Check your APIXO dashboard, then rerun with --resubmit-unknown to send them anyway.',
        ),
      );
    }
    const { summary, exitCode } = await runBatch(context, wan, lines, journal, states, {
      concurrency: flags.concurrency,
      timeoutSeconds: flags.timeout,
      resubmitUnknown,
      ...(flags.outDir === undefined ? {} : { outDir: flags.outDir }),
    });
    const left = summary.running.length + summary.notSubmitted.length > 0;
    const resumable = { ...summary, ...(left ? { resume } : {}) };
    printSummary(output, resumable);
    // On stdout without --json: `LINE<TAB>URL` per succeeded line, for scripts.
    output.result(
      resumable,
      summary.succeeded.map(({ line, resultUrls }) => `${line}\t${resultUrls.join(' ')}`),
    );
    return exitCode;
  } finally {
    journal.close();
  }
}

function printSummary(output: Output, summary: BatchSummary & { resume?: string }): void {
  const { colors } = output;
  if (summary.stopped) {
    const stopped =
      summary.stopped.by === 'journal' ? summary.stopped.message : `${summary.stopped.message}: stopped`;
    output.note(colors.yellow(`${stopped}. Journal ${summary.journal} holds every step taken so far.`));
  }
  const codes = new Map<string, number>();
  for (const { failCode } of summary.failed) codes.set(failCode, (codes.get(failCode) ?? 0) + 1);
  const byCode = [...codes].map(([code, count]) => `${code} ×${count}`).join(', ');
  output.note(colors.bold(`Batch: ${summary.succeeded.length}/${summary.total} succeeded`));
  if (summary.failed.length > 0) output.note(colors.red(`  failed: ${summary.failed.length} (${byCode})`));
  if (summary.running.length > 0) output.note(`  still running: ${summary.running.length}`);
  for (const { line, taskId } of summary.running.filter((entry) => entry.unrecorded)) {
    output.note(
      colors.yellow(
        `  line ${line}: task ${taskId} was created, but the journal could not record it: the next run lists the line as unknown; \`wan25 wait ${taskId}\` follows the task`,
      ),
    );
  }
  if (summary.notSubmitted.length > 0) output.note(`  not submitted: ${summary.notSubmitted.length}`);
  if (summary.unknown.length > 0) {
    output.note(colors.yellow(`  unknown: lines ${summary.unknown.join(', ')} (see --resubmit-unknown)`));
  }
  if (summary.downloadErrors.length > 0)
    output.note(colors.red(`  downloads failed: ${summary.downloadErrors.length}`));
  const { succeededUsd, submittedUsd } = summary.estimatedCost;
  output.note(
    `  estimated cost: ${formatUsd(succeededUsd)} for the succeeded videos, ${formatUsd(submittedUsd)} for all submitted tasks`,
  );
  if (summary.resume)
    output.note(`Resume (waits for the running tasks, submits the rest): ${summary.resume}`);
}
