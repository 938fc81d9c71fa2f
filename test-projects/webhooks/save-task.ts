import { appendFileSync, existsSync, rmSync } from 'node:fs';

/**
 * The recipes' stand-in for an app's database, copied beside each recipe by the test. It records each
 * call as a JSON line of `$SAVED_TASKS_FILE`, and fails once, as a database that is briefly down would,
 * whenever `$SAVED_TASKS_FILE.fail-once` exists (removing it). A real one upserts by task id: the
 * webhook handler may pass the same task again.
 */
export async function saveTask({ taskId, state }: { taskId: string; state: string }): Promise<void> {
  const { SAVED_TASKS_FILE = 'saved-tasks.jsonl' } = process.env;
  const failOnce = `${SAVED_TASKS_FILE}.fail-once`;
  const down = existsSync(failOnce);
  if (down) rmSync(failOnce);
  appendFileSync(SAVED_TASKS_FILE, `${JSON.stringify({ taskId, state, saved: !down })}\n`);
  if (down) throw new Error('database unavailable');
}
