#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startMockServer } from './server.ts';

const usage = `Usage: wan25-mock [--port 4010] [--host 127.0.0.1]

Serves a mock of the Wan 2.5 video API (Prism on the bundled OpenAPI spec) and prints its URL.
Pick a scenario per request with the Prefer header, e.g. "Prefer: example=failedTimeout" or
"Prefer: code=429". Stop it with Ctrl-C (SIGINT) or SIGTERM.`;

function fail(message: string): never {
  console.error(`wan25-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    fail(`--port must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

let values: { port?: string; host?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = parsePort(values.port ?? '');
const starting = startMockServer({ port, host: values.host ?? '', log: true }).catch((error: Error) => {
  console.error(`wan25-mock: ${error.message}`);
  process.exit(1);
});

// Handle the signals from the start: one that arrives while Prism starts must still stop it, and a
// second Ctrl-C while Prism stops must not leave it behind.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await (await starting).close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const server = await starting;
if (!stopping) {
  console.log(
    `wan25-mock: serving the Wan 2.5 API mock at ${server.url} (Prism pid ${server.pid}; Ctrl-C stops it)`,
  );
}
