// A downstream browser app, bundled by esbuild. Opened with ?mock=<mock origin>, it submits a task against
// the mock and waits for the result, then writes the outcome into #result as JSON. With &request=invalid it
// submits a body the spec rejects instead, and lists the validation issues in #issues, one row each.
import { createWanClient, type GenerationInput, WanError, WanValidationError } from '@wan25/client';

const result = document.getElementById('result');
const params = new URLSearchParams(location.search);
const baseUrl = params.get('mock');

// What a careless form handler builds: the image URL as a string instead of a one-item array, and a prompt
// over the 1500-character limit. The cast stands for input the type checker never saw.
const invalidInput = {
  mode: 'image-to-video',
  image_urls: 'https://example.com/cat.png',
  prompt: 'a cat walking on the beach, '.repeat(60),
} as unknown as GenerationInput;

/** One row per issue in #issues: where, zod's code, and the rule in words. */
function showIssues(error: WanValidationError): void {
  const rows = document.querySelector<HTMLTableSectionElement>('#issues tbody');
  for (const { path, code, message } of error.issues) {
    const row = rows?.insertRow();
    for (const text of [path, code, message]) if (row) row.insertCell().textContent = text;
  }
}

try {
  if (baseUrl === null) throw new Error('open this page with ?mock=<mock origin>');
  const wan = createWanClient({ apiKey: 'consumer-test-key', baseUrl });
  if (params.get('request') === 'invalid') {
    await wan.submit(invalidInput);
    throw new Error('the invalid request was accepted');
  }
  const { taskId } = await wan.submit({
    mode: 'image-to-video',
    image_urls: ['https://example.com/cat.png'],
  });
  const task = await wan.waitForTask(taskId, {
    waitTimeoutMs: 60_000,
    firstPollDelayMs: 0,
    pollIntervalMs: 200,
  });
  if (result) result.textContent = JSON.stringify({ taskId, state: task.state, resultUrls: task.resultUrls });
} catch (error) {
  if (error instanceof WanValidationError) showIssues(error);
  const kind = error instanceof WanError ? error.name : 'unexpected';
  if (result) result.textContent = JSON.stringify({ error: `${kind}: ${String(error)}` });
}
