import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import next from 'next';

// `next start` serves http only: this custom server (https://nextjs.org/docs/app/guides/custom-server)
// serves the built app over https. Behind a proxy that terminates TLS, plain `next start` does.
const {
  TLS_KEY_FILE = 'key.pem',
  TLS_CERT_FILE = 'cert.pem',
  HOST = '127.0.0.1',
  PORT = '3000',
} = process.env;

const app = next({ dev: process.env.NODE_ENV !== 'production' });
const handle = app.getRequestHandler();
await app.prepare();

const tls = { key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) };
const server = createServer(tls, (req, res) => handle(req, res)).listen(Number(PORT), HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Webhook receiver listening on https://${HOST}:${port}`);
});
