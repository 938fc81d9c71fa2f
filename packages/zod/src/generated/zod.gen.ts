// auto-generated from spec/openapi.yaml by scripts/generate-zod.ts; do not edit; run `pnpm generate`

import * as z from 'zod';
import { uri } from '../formats.ts';

/**
 * Public HTTPS URL that receives the final task status. It must answer `200` within 30 seconds;
 * other answers are retried, so the same body may arrive more than once.
 *
 */
export const CallbackUrlSchema = z
  .string()
  .regex(/^https:\/\/\S+$/)
  .check(uri);

/**
 * The text-to-video prompt: what the video should show, in Chinese or English, 1 to 1500
 * characters (Unicode code points). Required and non-empty for `text-to-video`.
 *
 */
export const PromptSchema = z.string().min(1).max(1500);

/**
 * The optional image-to-video prompt: how to animate the image, in Chinese or English, at most
 * 1500 characters (Unicode code points). The reference asks for "non-empty" only in text-to-video
 * mode, so an empty prompt is accepted here.
 *
 */
export const ImageToVideoPromptSchema = z.string().max(1500);

/**
 * What to avoid, in Chinese or English, at most 500 characters (Unicode code points).
 */
export const NegativePromptSchema = z.string().max(500);

/**
 * Output resolution; omitted means `1080p`. Billed per second: $0.05 at 480p, $0.10 at 720p,
 * $0.15 at 1080p.
 *
 */
export const ResolutionSchema = z.enum(['480p', '720p', '1080p']);

/**
 * Output duration in seconds, `5` (the default) or `10`.
 */
export const DurationSchema = z.union([z.literal(5), z.literal(10)]);

/**
 * An absolute, publicly reachable `http` or `https` URL of a media file.
 */
export const MediaUrlSchema = z
  .string()
  .regex(/^https?:\/\/\S+$/)
  .check(uri);

/**
 * Exactly one reference image URL. JPEG/JPG, PNG (no alpha), BMP or WEBP; width and height
 * 240-8000 px; at most 20 MB.
 *
 */
export const ImageUrlsSchema = z.array(MediaUrlSchema).length(1);

/**
 * Optional soundtrack: exactly one WAV or MP3 URL, 3-30 s, at most 15 MB. Audio longer than
 * `duration` is cut; shorter audio leaves the rest of the video silent.
 *
 */
export const AudioUrlsSchema = z.array(MediaUrlSchema).length(1);

/**
 * Rewrite the prompt before generation (the default). Helps short prompts, may add latency;
 * `false` disables it.
 *
 */
export const PromptExtendSchema = z.boolean();

/**
 * Add a bottom-right watermark with the fixed text `AI 生成`. Off by default.
 */
export const WatermarkSchema = z.boolean();

/**
 * Random seed in [0, 2147483647]. A fixed seed improves reproducibility; identical seeds do not
 * guarantee identical outputs.
 *
 */
export const SeedSchema = z.int().gte(0).lte(2147483647);

/**
 * Text-to-video at 480p, which allows the aspect ratios `16:9`, `9:16` and `1:1`.
 */
export const TextToVideo480pInputSchema = z.strictObject({
  mode: z.literal('text-to-video'),
  prompt: PromptSchema,
  negative_prompt: NegativePromptSchema.exactOptional(),
  resolution: z.literal('480p'),
  duration: DurationSchema.exactOptional(),
  aspect_ratio: z.enum(['16:9', '9:16', '1:1']).exactOptional(),
  audio_urls: AudioUrlsSchema.exactOptional(),
  prompt_extend: PromptExtendSchema.exactOptional(),
  watermark: WatermarkSchema.exactOptional(),
  seed: SeedSchema.exactOptional(),
});

/**
 * Text-to-video at 720p or 1080p (the default when `resolution` is omitted), which allow the
 * aspect ratios `16:9`, `9:16`, `1:1`, `4:3` and `3:4`.
 *
 */
export const TextToVideoHdInputSchema = z.strictObject({
  mode: z.literal('text-to-video'),
  prompt: PromptSchema,
  negative_prompt: NegativePromptSchema.exactOptional(),
  resolution: z.enum(['720p', '1080p']).exactOptional(),
  duration: DurationSchema.exactOptional(),
  aspect_ratio: z.enum(['16:9', '9:16', '1:1', '4:3', '3:4']).exactOptional(),
  audio_urls: AudioUrlsSchema.exactOptional(),
  prompt_extend: PromptExtendSchema.exactOptional(),
  watermark: WatermarkSchema.exactOptional(),
  seed: SeedSchema.exactOptional(),
});

/**
 * Text-to-video input. The allowed `aspect_ratio` values depend on `resolution`: 480p allows
 * `16:9`, `9:16` and `1:1`; 720p and 1080p (the default) also allow `4:3` and `3:4`.
 *
 */
export const TextToVideoInputSchema = z.discriminatedUnion('resolution', [
  TextToVideo480pInputSchema,
  TextToVideoHdInputSchema,
]);

/**
 * Image-to-video input: one reference image, animated as the optional prompt describes.
 * `aspect_ratio` does not apply (the output follows the image).
 *
 */
export const ImageToVideoInputSchema = z.strictObject({
  mode: z.literal('image-to-video'),
  image_urls: ImageUrlsSchema,
  prompt: ImageToVideoPromptSchema.exactOptional(),
  negative_prompt: NegativePromptSchema.exactOptional(),
  resolution: ResolutionSchema.exactOptional(),
  duration: DurationSchema.exactOptional(),
  audio_urls: AudioUrlsSchema.exactOptional(),
  prompt_extend: PromptExtendSchema.exactOptional(),
  watermark: WatermarkSchema.exactOptional(),
  seed: SeedSchema.exactOptional(),
});

/**
 * The model input, by `mode`. There is no `discriminator` here on purpose: `text-to-video` is itself
 * a union by `resolution`, which a discriminator mapping cannot point to in most generators.
 *
 */
export const GenerationInputSchema = z.discriminatedUnion('mode', [
  TextToVideoInputSchema,
  ImageToVideoInputSchema,
]);

/**
 * Submit a task and poll the status endpoint for its result.
 */
export const AsyncGenerateTaskRequestSchema = z.strictObject({
  request_type: z.literal('async'),
  callback_url: CallbackUrlSchema.exactOptional(),
  input: GenerationInputSchema,
});

/**
 * Submit a task and receive its final status at `callback_url`.
 */
export const CallbackGenerateTaskRequestSchema = z.strictObject({
  request_type: z.literal('callback'),
  callback_url: CallbackUrlSchema,
  input: GenerationInputSchema,
});

/**
 * A task submission. `request_type` selects how the result is delivered: `async` for polling
 * the status endpoint, `callback` to have the final status POSTed to `callback_url`.
 *
 */
export const GenerateTaskRequestSchema = z.discriminatedUnion('request_type', [
  AsyncGenerateTaskRequestSchema,
  CallbackGenerateTaskRequestSchema,
]);

/**
 * Unique task identifier, used with the status endpoint.
 */
export const TaskIdentifierSchema = z.string();

/**
 * The accepted task.
 */
export const SubmittedTaskSchema = z.looseObject({
  taskId: TaskIdentifierSchema,
});

/**
 * The answer to an accepted submission.
 */
export const GenerateTaskResponseSchema = z.looseObject({
  code: z.int(),
  message: z.string(),
  data: SubmittedTaskSchema,
});

/**
 * Task creation time, Unix epoch milliseconds.
 */
export const CreateTimeSchema = z.int();

/**
 * Received and waiting to run.
 */
export const PendingTaskSchema = z.looseObject({
  taskId: TaskIdentifierSchema,
  state: z.literal('pending'),
  createTime: CreateTimeSchema,
});

/**
 * Generating.
 */
export const ProcessingTaskSchema = z.looseObject({
  taskId: TaskIdentifierSchema,
  state: z.literal('processing'),
  createTime: CreateTimeSchema,
});

/**
 * Task completion time, Unix epoch milliseconds. Present once the task has finished.
 */
export const CompleteTimeSchema = z.int();

/**
 * Finished with a video. Parse `resultJson` for the result URLs.
 */
export const SucceededTaskSchema = z.looseObject({
  taskId: TaskIdentifierSchema,
  state: z.literal('success'),
  resultJson: z.string(),
  createTime: CreateTimeSchema,
  completeTime: CompleteTimeSchema.exactOptional(),
  costTime: z.int().exactOptional(),
});

/**
 * Machine-readable failure reason. An open set: any string may appear as the provider adds codes,
 * so treat an unknown code like a generic failure. The codes documented today (also listed in
 * `x-extensible-enum`):
 * - `CONTENT_VIOLATION`: the prompt or reference image failed safety checks; change them.
 * - `INVALID_IMAGE_URL`: a reference image URL could not be fetched or decoded; use a public, direct URL.
 * - `INVALID_PARAMETER`: a model parameter is unsupported or malformed.
 * - `INSUFFICIENT_BALANCE`: the account lacks balance for the task; add balance before retrying.
 * - `TIMEOUT`: generation did not finish in time; retry, simplify the input, or use callback mode.
 *
 */
export const FailCodeSchema = z.string();

/**
 * Finished without a video. See `failCode` and `failMsg`.
 */
export const FailedTaskSchema = z.looseObject({
  taskId: TaskIdentifierSchema,
  state: z.literal('failed'),
  failCode: FailCodeSchema,
  failMsg: z.string().exactOptional(),
  createTime: CreateTimeSchema,
  completeTime: CompleteTimeSchema.exactOptional(),
});

/**
 * A task, by `state`. Only `success` carries `resultJson`; only `failed` carries `failCode`.
 */
export const TaskSchema = z.discriminatedUnion('state', [
  PendingTaskSchema,
  ProcessingTaskSchema,
  SucceededTaskSchema,
  FailedTaskSchema,
]);

/**
 * The status envelope, answered by the status endpoint and POSTed to `callback_url`.
 */
export const TaskStatusResponseSchema = z.looseObject({
  code: z.int(),
  message: z.string(),
  data: TaskSchema,
});

/**
 * The parsed content of `resultJson` on a succeeded task.
 */
export const ResultPayloadSchema = z.looseObject({
  resultUrls: z.array(MediaUrlSchema).min(1),
});

/**
 * The body of an HTTP error answer. The reference documents the statuses but never shows an error
 * body, so every field is optional and a body of another shape (or none) may arrive.
 *
 */
export const ErrorResponseSchema = z.looseObject({
  code: z.int().exactOptional(),
  message: z.string().exactOptional(),
});

/**
 * The `taskId` returned when the task was submitted.
 */
export const TaskIdSchema = z.string().min(1);

/**
 * The task's final status, the same envelope as the status endpoint answers with.
 */
export const TaskWebhookSchema = TaskStatusResponseSchema;
