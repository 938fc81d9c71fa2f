import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export interface OutputOptions {
  json: boolean;
  env?: NodeJS.ProcessEnv;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

/**
 * Where a command writes. Human-readable notes and progress always go to stderr; stdout carries only the
 * result: one JSON document with `--json`, otherwise plain lines meant for pipes (URLs, a task id, a cost).
 */
export class Output {
  readonly json: boolean;
  /** True when stderr is a terminal: live progress lines instead of one line per event. */
  readonly live: boolean;
  /** Colors for stderr: off when it is not a terminal, with `NO_COLOR` set, or with `TERM=dumb`. */
  readonly colors: Colors;
  readonly stderr: NodeJS.WriteStream;
  readonly #stdout: NodeJS.WriteStream;
  #resultWritten = false;

  constructor({ json, env = process.env, stdout = process.stdout, stderr = process.stderr }: OutputOptions) {
    this.json = json;
    this.stderr = stderr;
    this.#stdout = stdout;
    this.live = stderr.isTTY === true && env.TERM !== 'dumb';
    // https://no-color.org: set and not empty disables color.
    this.colors = pc.createColors(this.live && !env.NO_COLOR);
  }

  /** One human line on stderr. */
  note(line: string): void {
    this.stderr.write(`${line}\n`);
  }

  /** The command's result: `document` as JSON with `--json`, else `lines` as text. Written once. */
  result(document: unknown, lines: readonly string[]): void {
    if (this.#resultWritten) throw new Error('Output.result called twice');
    this.#resultWritten = true;
    if (this.json) this.#stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else if (lines.length > 0) this.#stdout.write(`${lines.join('\n')}\n`);
  }

  get resultWritten(): boolean {
    return this.#resultWritten;
  }
}
