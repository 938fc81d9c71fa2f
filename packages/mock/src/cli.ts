#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCallbackRetrySeconds, defaultTaskSeconds, startMockServer } from './server.ts';

const usage = `Usage: wan25-mock [--port 4010] [--host 127.0.0.1] [--task-seconds ${defaultTaskSeconds}]
                  [--callback-retry-seconds ${defaultCallbackRetrySeconds}] [--callback-ca cert.pem]

Serves a mock of the Wan 2.5 video API and prints its URL. Prism checks every request against the bundled
OpenAPI spec; each accepted submit gets its own task, which reads pending, then processing, then its
outcome after --task-seconds. Pick the outcome on the submit with "Prefer: example=failedTimeout" (any
status example of the spec), or an error on any request with "Prefer: code=429". Callback-mode tasks
POST their final status to callback_url, again every --callback-retry-seconds until it answers 200;
--callback-ca names a PEM certificate to trust there (a test receiver's self-signed one).
Result URLs point at the mock, which serves a small MP4. Stop it with Ctrl-C (SIGINT) or SIGTERM.`;

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

function parseSeconds(flag: string, value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    fail(`--${flag} must be a number of seconds, 0 or more, got "${value}"`);
  }
  return seconds;
}

function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    fail(`--callback-ca: cannot read ${file}: ${(error as Error).message}`);
  }
}

let values: {
  port?: string;
  host?: string;
  'task-seconds'?: string;
  'callback-retry-seconds'?: string;
  'callback-ca'?: string;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      'task-seconds': { type: 'string', default: String(defaultTaskSeconds) },
      'callback-retry-seconds': { type: 'string', default: String(defaultCallbackRetrySeconds) },
      'callback-ca': { type: 'string' },
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

const caFile = values['callback-ca'];
const starting = startMockServer({
  port: parsePort(values.port ?? ''),
  host: values.host ?? '',
  log: true,
  taskSeconds: parseSeconds('task-seconds', values['task-seconds'] ?? ''),
  callbackRetrySeconds: parseSeconds('callback-retry-seconds', values['callback-retry-seconds'] ?? ''),
  ...(caFile === undefined ? {} : { callbackCa: readCa(caFile) }),
}).catch((error: Error) => {
  console.error(`wan25-mock: ${error.message.replace(/^startMockServer: /, '')}`);
  process.exit(1);
});

// SIGINT and SIGTERM close the server (also one still starting) and exit 0; a second signal while it
// closes changes nothing.
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
  console.log(`wan25-mock: serving the Wan 2.5 API mock at ${server.url} (Ctrl-C stops it)`);
}
