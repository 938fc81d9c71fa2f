import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler } from '@wan25/client';
import { toNodeListener } from '@wan25/client/node';
import express from 'express';
import { saveTask } from './save-task.ts';

const {
  WEBHOOK_TOKEN = '', // at least 16 characters; submit with callbackUrl https://<host>/wan-webhook?token=<it>
  TLS_KEY_FILE = 'key.pem',
  TLS_CERT_FILE = 'cert.pem',
  HOST = '127.0.0.1',
  PORT = '3000',
} = process.env;

// onTask runs before the answer, so a throw makes the provider deliver again: make it idempotent.
const handler = createWebhookHandler({ onTask: saveTask, token: WEBHOOK_TOKEN });

const app = express();
// The handler reads the raw body itself: no express.json() or other body parser on this route.
app.post('/wan-webhook', toNodeListener(handler));

const tls = { key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) };
const server = createServer(tls, app).listen(Number(PORT), HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Webhook receiver listening on https://${HOST}:${port}`);
});
