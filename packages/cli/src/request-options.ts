import type { WaitForTaskOptions, WanClient } from '@wan25/client';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from './exit.ts';

/** Extra request headers, one `Name: value` per line, sent before any `--header`. */
export const headersEnv = 'WAN25_HEADERS';
export const firstPollEnv = 'WAN25_FIRST_POLL_SECONDS';
export const pollIntervalEnv = 'WAN25_POLL_INTERVAL_SECONDS';

export interface RequestFlags {
  header?: string[];
  firstPoll?: number;
  pollInterval?: number;
}

/** `--header`, which every command that talks to the API takes (e.g. `Prefer` for the mock). */
export function headerOption(): Option {
  return new Option(
    '--header <name: value>',
    `extra request header, repeatable, e.g. "Prefer: example=failedTimeout" for the mock (also $${headersEnv}, one per line)`,
  ).argParser((value: string, previous: string[] = []) => [...previous, value]);
}

/** `--first-poll` and `--poll-interval`, for the commands that wait for a task. */
export function addPollOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--first-poll <seconds>',
        `first status read this long after the task was created (default: the typical generation time, 40/60/90 s by resolution; also $${firstPollEnv})`,
      ).argParser(parseSeconds),
    )
    .addOption(
      new Option(
        '--poll-interval <seconds>',
        `then read every this many seconds (default 10; also $${pollIntervalEnv})`,
      ).argParser(parseSeconds),
    );
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    throw new InvalidArgumentError('Must be a number of seconds, 0 or more.');
  }
  return seconds;
}

/** The extra headers from `WAN25_HEADERS`, then `--header` (a later one wins). */
export function requestHeaders(flags: RequestFlags, env: NodeJS.ProcessEnv): Record<string, string> {
  const lines = (env[headersEnv] ?? '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const headers: Record<string, string> = {};
  for (const [source, line] of [
    ...lines.map((line) => [headersEnv, line] as const),
    ...(flags.header ?? []).map((line) => ['--header', line] as const),
  ]) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/.exec(line);
    if (!match) throw new UsageError(`${source}: "${line}" is not a header; write it as "Name: value"`);
    const [, name = '', value = ''] = match;
    if (name.toLowerCase() === 'authorization') {
      throw new UsageError(`${source}: the API key comes only from APIXO_API_KEY, not from a header`);
    }
    headers[name] = value.trim();
  }
  return headers;
}

/** The poll schedule from the flags, else the environment; what neither sets keeps the client's default. */
export function pollSchedule(
  flags: RequestFlags,
  env: NodeJS.ProcessEnv,
): Pick<WaitForTaskOptions, 'firstPollDelayMs' | 'pollIntervalMs'> {
  const seconds = (flag: number | undefined, name: string, option: string): number | undefined => {
    if (flag !== undefined) return flag;
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    try {
      return parseSeconds(value);
    } catch {
      throw new UsageError(`${name} must be a number of seconds, 0 or more (like ${option}), got "${value}"`);
    }
  };
  const firstPoll = seconds(flags.firstPoll, firstPollEnv, '--first-poll');
  const interval = seconds(flags.pollInterval, pollIntervalEnv, '--poll-interval');
  if (interval === 0) throw new UsageError('the poll interval must be above 0 seconds');
  return {
    ...(firstPoll === undefined ? {} : { firstPollDelayMs: firstPoll * 1000 }),
    ...(interval === undefined ? {} : { pollIntervalMs: interval * 1000 }),
  };
}

/** `wan` whose `waitForTask` follows `schedule` unless a call says otherwise. */
export function withPollSchedule(
  wan: WanClient,
  schedule: Pick<WaitForTaskOptions, 'firstPollDelayMs' | 'pollIntervalMs'>,
): WanClient {
  return { ...wan, waitForTask: (taskId, options) => wan.waitForTask(taskId, { ...schedule, ...options }) };
}
