// A downstream project's script, run in each project a package manager installed: imports the client and
// the spec's JSON by name, submits a task to the mock at argv[2] and waits for it. Prints one JSON line.
import { createWanClient } from '@wan25/client';
import spec from '@wan25/spec/openapi.json' with { type: 'json' };

const wan = createWanClient({ apiKey: 'registry-test-key', baseUrl: process.argv[2] });
const { taskId } = await wan.submit({
  mode: 'text-to-video',
  prompt: 'a paper boat drifting down a rainy street',
  resolution: '480p',
});
// The mock's tasks take 2 s: poll at once and often rather than 40 s after creation as for a real 480p task.
const task = await wan.waitForTask(taskId, { firstPollDelayMs: 0, pollIntervalMs: 200 });
console.log(
  JSON.stringify({ openapi: spec.openapi, taskId, state: task.state, resultUrls: task.resultUrls }),
);
