export type { Duration, FailCode, GenerationInput, Resolution } from '@wan25/types';
export { checkTaskInput } from './check-input.ts';
export {
  createWanClient,
  defaultBaseUrl,
  type GenerateOptions,
  type GetTaskOptions,
  type RequestOptions,
  type SubmitOptions,
  type WanClient,
  type WanClientOptions,
} from './client.ts';
export { type CostEstimate, type CostInput, estimateCost } from './cost.ts';
export { mayHaveCreatedTask } from './created.ts';
export {
  type ValidationIssue,
  WanApiError,
  WanConnectionError,
  WanError,
  WanResponseTooLargeError,
  WanTaskFailedError,
  WanTimeoutError,
  WanUnknownStateError,
  WanValidationError,
} from './errors.ts';
export {
  firstPollDelayMsByResolution,
  pollIntervalMs,
  priceUnitsPerSecondByResolution,
  priceUnitsPerUsd,
  typicalSecondsByResolution,
  usdPerSecondByResolution,
} from './generated/facts.gen.ts';
export type {
  WanFailedTask,
  WanPendingTask,
  WanProcessingTask,
  WanSucceededTask,
  WanTask,
  WanTaskState,
  WanUnknownStateTask,
} from './task.ts';
export type { FetchLike } from './transport.ts';
export {
  maxUnknownStateReads,
  type WaitForTaskOptions,
  type WaitProgress,
} from './wait.ts';
export {
  createWebhookHandler,
  parseWebhook,
  type WebhookDedupeStore,
  type WebhookHandlerOptions,
  type WebhookTaskContext,
} from './webhooks.ts';
