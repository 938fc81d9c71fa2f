import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/** Line N's prompt; lines in `failing` are made to fail by the proxy rules of the tests. */
export const promptOf = (line: number) => `batch line ${line}: a lantern drifting over a lake`;

export async function writeBatch(file: string, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({ prompt: promptOf(index + 1), resolution: index % 2 === 0 ? '480p' : '720p' }),
  );
  await writeFile(file, `${lines.join('\n')}\n`);
}

export interface JournalRecord {
  event: string;
  line: number;
  taskId?: string;
  failCode?: string;
}

/** The journal's records; throws if any line is not complete JSON (the journal must stay consistent). */
export async function readJournal(file: string): Promise<JournalRecord[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalRecord);
}

/**
 * Polls until `check` holds, or throws after `timeoutMs` (generous for slow machines) with what `context`
 * says (e.g. the command's output so far).
 */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  what: string,
  context: () => string = () => '',
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`);
    await delay(50);
  }
}

/** Per line, the last event the journal recorded. */
export function lastEvents(records: readonly JournalRecord[]): Map<number, string> {
  return new Map(records.map(({ line, event }) => [line, event]));
}
