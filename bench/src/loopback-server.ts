import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

// Runs in a worker thread, so the server has its own event loop (and core) as a real one would.
const serverSource = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const body = Buffer.from(workerData.body);
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.byteLength });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.on('message', () => server.close(() => process.exit(0)));
`;

/** An HTTP server on 127.0.0.1 (a free port) that answers every request with the same JSON body. */
export async function startLoopbackServer(body: string): Promise<LoopbackServer> {
  const worker = new Worker(serverSource, { eval: true, workerData: { body } });
  const [port] = (await once(worker, 'message')) as [number];
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const exited = once(worker, 'exit');
      worker.postMessage('close');
      await exited;
    },
  };
}
