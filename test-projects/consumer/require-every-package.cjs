// A downstream CommonJS script: require()s every package (their ES modules load through require(esm),
// Node >= 20.19), starts the mock, then submits a task and waits for it. Prints the outcome and the Node
// version it ran on as one JSON line.
const { createWanClient } = require('@wan25/client');
const { startMockServer } = require('@wan25/mock');
const { GenerationInputSchema } = require('@wan25/zod');
const spec = require('@wan25/spec/openapi.json');
const cli = require('@wan25/cli/package.json');

// Every JavaScript entry point: require() must give the very module that import() gives, so a class is the
// same class (instanceof works) whichever way a dependency loaded it.
const modules = [
  '@wan25/client',
  '@wan25/client/node',
  '@wan25/client/redis',
  '@wan25/mock',
  '@wan25/types',
  '@wan25/zod',
];

async function main() {
  const sameAsImport = {};
  for (const name of modules) sameAsImport[name] = require(name) === (await import(name));
  const mock = await startMockServer();
  try {
    const wan = createWanClient({ apiKey: 'consumer-test-key', baseUrl: mock.url });
    const input = GenerationInputSchema.parse({
      mode: 'text-to-video',
      prompt: 'a paper boat drifting down a rainy street',
      resolution: '480p',
    });
    const { taskId } = await wan.submit(input);
    const task = await wan.waitForTask(taskId, { firstPollDelayMs: 0, pollIntervalMs: 200 });
    const outcome = { node: process.version, taskId, state: task.state, resultUrls: task.resultUrls };
    console.log(
      JSON.stringify({ ...outcome, sameAsImport, openapi: spec.openapi, bins: Object.keys(cli.bin) }),
    );
  } finally {
    await mock.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
