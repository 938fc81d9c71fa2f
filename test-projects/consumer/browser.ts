// A downstream browser app: bundled by esbuild, it submits a task against the mock (its origin is given
// as ?mock=...) and waits for the result, then writes the outcome into #result as JSON.
import { createWanClient, WanError } from '@wan25/client';

const result = document.getElementById('result');
const baseUrl = new URLSearchParams(location.search).get('mock');
try {
  if (baseUrl === null) throw new Error('open this page with ?mock=<mock origin>');
  const wan = createWanClient({ apiKey: 'consumer-test-key', baseUrl });
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
  const kind = error instanceof WanError ? error.name : 'unexpected';
  if (result) result.textContent = JSON.stringify({ error: `${kind}: ${String(error)}` });
}
