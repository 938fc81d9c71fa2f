import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkTaskInput, type GenerationInput, WanValidationError } from '@wan25/client';
import { UsageError } from '../exit.ts';
import { describeIssue, withMode } from '../input.ts';

/** One task of a batch file. */
export interface BatchLine {
  /** 1-based line number in the file. */
  line: number;
  /** Identifies the line's text, so a resumed run notices a file edited since the journal was written. */
  hash: string;
  input: GenerationInput;
}

/** One problem of a batch file: the line, the field in it (empty for the whole line) and the rule. */
export interface LineIssue {
  line: number;
  path: string;
  code: string;
  message: string;
}

/** A batch file with invalid lines; `issues` names each (all of them; the message shows the first 20). */
export class BatchFileError extends UsageError {
  override name = 'BatchFileError';
  readonly issues: LineIssue[];

  constructor(file: string, issues: LineIssue[]) {
    const shown = issues.slice(0, maxReported).map(({ line, path, message }) => {
      return `line ${line}: ${path === '' ? '' : `${path}: `}${message}`;
    });
    const more = issues.length > maxReported ? `\n(and ${issues.length - maxReported} more)` : '';
    super(`${file} has invalid lines:\n${shown.join('\n')}${more}`);
    this.issues = issues;
  }
}

const maxReported = 20;

export function hashLine(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 16);
}

/**
 * Reads a JSONL batch file: one task input per line, an object as the API's `input` field takes it
 * (`mode` may be left out: it follows from `image_urls`). Blank lines are skipped. Every line is checked
 * (by the client's `checkTaskInput`, once) before anything is sent; problems throw one `UsageError`
 * naming each line, field and rule.
 */
export async function readBatchFile(file: string): Promise<BatchLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const lines: BatchLine[] = [];
  const issues: LineIssue[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      issues.push({ line, path: '', code: 'invalid_json', message: 'not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const message = 'must be a JSON object of task input fields, e.g. {"prompt": "..."}';
      issues.push({ line, path: '', code: 'invalid_type', message });
      return;
    }
    try {
      // Checked once, here: `submit` sends what checkTaskInput returned without checking it again.
      const input = checkTaskInput(withMode(value as Record<string, unknown>) as GenerationInput);
      lines.push({ line, hash: hashLine(raw), input });
    } catch (error) {
      if (!(error instanceof WanValidationError)) throw error;
      for (const issue of error.issues) {
        const path = issue.path.replace(/^input\.?/, '');
        issues.push({ line, path, code: issue.code, message: describeIssue(issue) });
      }
    }
  });
  if (issues.length > 0) throw new BatchFileError(file, issues);
  if (lines.length === 0) throw new UsageError(`${file} has no tasks: write one JSON object per line`);
  return lines;
}
