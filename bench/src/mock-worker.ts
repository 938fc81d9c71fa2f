// Runs the mock in a worker thread for bench/src/mock.ts: posts its URL, and closes it when told to.
import { parentPort } from 'node:worker_threads';
import { startMockServer } from '@wan25/mock';

const mock = await startMockServer();
parentPort?.postMessage(mock.url);
parentPort?.once('message', async () => {
  await mock.close();
  parentPort?.postMessage('closed');
});
