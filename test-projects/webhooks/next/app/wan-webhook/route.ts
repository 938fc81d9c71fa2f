import { createWebhookHandler } from '@wan25/client';
import { saveTask } from '../../save-task';

let handler: ((request: Request) => Promise<Response>) | undefined;

// The callback URL to submit with: https://<host>/wan-webhook?token=<WEBHOOK_TOKEN>.
export function POST(request: Request): Promise<Response> {
  // Made at the first delivery, not at import: `next build` imports this module, without your secrets.
  handler ??= createWebhookHandler({
    onTask: saveTask, // runs before the answer, so a throw makes the provider deliver again: make it idempotent
    token: process.env.WEBHOOK_TOKEN ?? '', // at least 16 characters
  });
  return handler(request);
}
