import type { components } from './generated/openapi.gen.ts';

export type { components, KnownFailCode, operations, paths, webhooks } from './generated/openapi.gen.ts';

type Schemas = components['schemas'];

/** The body of `POST /generateTask/wan-2-5-video`. */
export type GenerateTaskRequest = Schemas['GenerateTaskRequest'];
export type AsyncGenerateTaskRequest = Schemas['AsyncGenerateTaskRequest'];
export type CallbackGenerateTaskRequest = Schemas['CallbackGenerateTaskRequest'];
/** The model input, by `mode`. */
export type GenerationInput = Schemas['GenerationInput'];
export type TextToVideoInput = Schemas['TextToVideoInput'];
export type ImageToVideoInput = Schemas['ImageToVideoInput'];
export type Resolution = Schemas['Resolution'];
export type Duration = Schemas['Duration'];
/** The answer to an accepted submission. */
export type GenerateTaskResponse = Schemas['GenerateTaskResponse'];
/** The status envelope, answered by the status endpoint and POSTed to `callback_url`. */
export type TaskStatusResponse = Schemas['TaskStatusResponse'];
/** A task as the API sends it, a union by `state`. */
export type Task = Schemas['Task'];
export type TaskState = Task['state'];
export type PendingTask = Schemas['PendingTask'];
export type ProcessingTask = Schemas['ProcessingTask'];
export type SucceededTask = Schemas['SucceededTask'];
export type FailedTask = Schemas['FailedTask'];
/** A failed task's reason: one of the documented codes, or any other string the provider adds later. */
export type FailCode = Schemas['FailCode'];
/** The parsed content of a succeeded task's `resultJson`. */
export type ResultPayload = Schemas['ResultPayload'];
export type ErrorResponse = Schemas['ErrorResponse'];
