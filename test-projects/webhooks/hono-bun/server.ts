import { createWebhookHandler } from '@wan25/client';
import { Hono } from 'hono';
import { saveTask } from './save-task.ts';

const {
  WEBHOOK_TOKEN = '', // at least 16 characters; submit with callbackUrl https://<host>/wan-webhook?token=<it>
  TLS_KEY_FILE = 'key.pem',
  TLS_CERT_FILE = 'cert.pem',
  HOST = '127.0.0.1',
  PORT = '3000',
} = Bun.env;

// onTask runs before the answer, so a throw makes the provider deliver again: make it idempotent.
const handler = createWebhookHandler({ onTask: saveTask, token: WEBHOOK_TOKEN });

const app = new Hono();
app.post('/wan-webhook', (c) => handler(c.req.raw));

const server = Bun.serve({
  fetch: app.fetch,
  hostname: HOST,
  port: Number(PORT),
  tls: { key: Bun.file(TLS_KEY_FILE), cert: Bun.file(TLS_CERT_FILE) },
});
console.log(`Webhook receiver listening on ${server.url.origin}`);
