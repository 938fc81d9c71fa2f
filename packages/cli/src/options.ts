import { type Command, InvalidArgumentError, Option } from 'commander';
import { headerOption } from './request-options.ts';

/** `--json`, `--base-url` and `--header`, which every command that talks to the API takes. */
export function addApiOptions(command: Command): Command {
  return command
    .option('--json', 'print one JSON document on stdout (human output stays on stderr)')
    .option('--base-url <url>', 'API base URL (default: $APIXO_BASE_URL, else https://api.apixo.ai/api/v1)')
    .addOption(headerOption());
}

export function timeoutOption(): Option {
  return new Option('--timeout <seconds>', 'stop waiting after this many seconds (the task keeps running)')
    .default(900, '900')
    .argParser(parsePositiveInteger);
}

/** Commander reports the flag and the value it was given: `option '--timeout <seconds>' argument '0' is invalid`. */
export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1) throw new InvalidArgumentError('Must be a whole number above 0.');
  return number;
}

/** Help text listing examples, shown after a command's options. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
