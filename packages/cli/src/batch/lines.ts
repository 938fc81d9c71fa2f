import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { GenerationInput } from '@wan25/client';
import { UsageError } from '../exit.ts';
import { checkRequest, withMode } from '../input.ts';

/** One task of a batch file. */
export interface BatchLine {
  /** 1-based line number in the file. */
  line: number;
  /** Identifies the line's text, so a resumed run notices a file edited since the journal was written. */
  hash: string;
  input: GenerationInput;
}

const maxReported = 20;

export function hashLine(text: string): string {
  return createHash('sha256').update(text.trim()).digest('hex').slice(0, 16);
}

/**
 * Reads a JSONL batch file: one task input per line, an object as the API's `input` field takes it
 * (`mode` may be left out: it follows from `image_urls`). Blank lines are skipped. Every line is checked
 * before anything is sent; problems throw one `UsageError` naming each line, field and rule.
 */
export async function readBatchFile(file: string): Promise<BatchLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const lines: BatchLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push(`line ${line}: not valid JSON`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`line ${line}: must be a JSON object of task input fields, e.g. {"prompt": "..."}`);
      return;
    }
    const checked = checkRequest({ input: withMode(value as Record<string, unknown>) });
    if (checked.ok) lines.push({ line, hash: hashLine(raw), input: checked.request.input });
    else
      for (const issue of checked.issues)
        problems.push(`line ${line}: ${issue.path.replace(/^input\./, '')}: ${issue.message}`);
  });
  if (problems.length > 0) {
    const more = problems.length > maxReported ? `\n(and ${problems.length - maxReported} more)` : '';
    throw new UsageError(`${file} has invalid lines:\n${problems.slice(0, maxReported).join('\n')}${more}`);
  }
  if (lines.length === 0) throw new UsageError(`${file} has no tasks: write one JSON object per line`);
  return lines;
}
