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
const task = await wan.waitForTask(taskId);
console.log(JSON.stringify({ openapi: spec.openapi, state: task.state, resultUrls: task.resultUrls }));
