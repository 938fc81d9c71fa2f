// A downstream ESM script: starts the mock from @wan25/mock, then submits a task with @wan25/client
// and waits for its result. Prints the outcome and the Node version it ran on as one JSON line.
import { createWanClient } from '@wan25/client';
import { startMockServer } from '@wan25/mock';

const mock = await startMockServer();
try {
  const wan = createWanClient({ apiKey: 'consumer-test-key', baseUrl: mock.url });
  const { taskId } = await wan.submit({
    mode: 'text-to-video',
    prompt: 'a paper boat drifting down a rainy street',
    resolution: '480p',
  });
  // The mock's tasks take 2 s: poll at once and often rather than 40 s after creation as for a real 480p task.
  const task = await wan.waitForTask(taskId, {
    waitTimeoutMs: 60_000,
    firstPollDelayMs: 0,
    pollIntervalMs: 200,
  });
  console.log(
    JSON.stringify({ node: process.version, taskId, state: task.state, resultUrls: task.resultUrls }),
  );
} finally {
  await mock.close();
}
