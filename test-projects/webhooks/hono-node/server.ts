import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { serve } from '@hono/node-server';
import { createWebhookHandler } from '@wan25/client';
import { Hono } from 'hono';
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

const app = new Hono();
app.post('/wan-webhook', (c) => handler(c.req.raw));

serve(
  {
    fetch: app.fetch,
    hostname: HOST,
    port: Number(PORT),
    createServer,
    serverOptions: { key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) },
  },
  ({ port }) => console.log(`Webhook receiver listening on https://${HOST}:${port}`),
);
