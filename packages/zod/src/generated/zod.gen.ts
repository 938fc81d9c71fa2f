// auto-generated from spec/openapi.yaml by scripts/generate-zod.ts; do not edit; run `pnpm generate`

import * as z from 'zod';
import { integer, itemCount, uri } from '../checks.ts';
import { discriminated, expected, rule } from '../messages.ts';

/**
 * Public HTTPS URL that receives the final task status. It must answer `200` within 30 seconds;
 * other answers are retried, so the same body may arrive more than once.
 */
export const CallbackUrlSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: expected('a string') })
    .check(z.regex(/^https:\/\/\S+$/u, { error: rule('must be an https URL'), abort: true }), uri))();

/**
 * The text-to-video prompt: what the video should show, in Chinese or English, 1 to 1500
 * characters (Unicode code points). Required and non-empty for `text-to-video`.
 */
export const PromptSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: expected('a string') })
    .check(
      z.minLength(1, { error: 'must not be empty' }),
      z.maxLength(1500, { error: rule('must be at most 1500 characters') }),
    ))();

/**
 * What to avoid, in Chinese or English, at most 500 characters (Unicode code points).
 */
export const NegativePromptSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: expected('a string') })
    .check(z.maxLength(500, { error: rule('must be at most 500 characters') })))();

/**
 * Output duration in seconds, `5` (the default) or `10`.
 */
export const DurationSchema = /* @__PURE__ */ (() =>
  z.literal([5, 10], { error: rule('must be one of 5, 10') }))();

/**
 * An absolute, publicly reachable `http` or `https` URL of a media file.
 */
export const MediaUrlSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: expected('a string') })
    .check(
      z.regex(/^https?:\/\/\S+$/u, { error: rule('must be an http or https URL'), abort: true }),
      uri,
    ))();

/**
 * Optional soundtrack: exactly one WAV or MP3 URL, 3-30 s, at most 15 MB. Audio longer than
 * `duration` is cut; shorter audio leaves the rest of the video silent.
 */
export const AudioUrlsSchema = /* @__PURE__ */ (() =>
  z
    .array(MediaUrlSchema, { error: expected('an array') })
    .check(itemCount(1, 1, 'must have exactly 1 item')))();

/**
 * Rewrite the prompt before generation (the default). Helps short prompts, may add latency;
 * `false` disables it.
 */
export const PromptExtendSchema = /* @__PURE__ */ (() => z.boolean({ error: expected('a boolean') }))();

/**
 * Add a bottom-right watermark with the fixed text `AI 生成`. Off by default.
 */
export const WatermarkSchema = /* @__PURE__ */ (() => z.boolean({ error: expected('a boolean') }))();

/**
 * Random seed in [0, 2147483647]. A fixed seed improves reproducibility; identical seeds do not
 * guarantee identical outputs.
 */
export const SeedSchema = /* @__PURE__ */ (() =>
  z
    .number({ error: expected('an integer') })
    .check(
      integer,
      z.gte(0, { error: rule('must be at least 0') }),
      z.lte(2147483647, { error: rule('must be at most 2147483647') }),
    ))();

/**
 * Text-to-video at 480p, which allows the aspect ratios `16:9`, `9:16` and `1:1`.
 */
export const TextToVideo480pInputSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      mode: z.literal('text-to-video', { error: rule('must be text-to-video') }),
      prompt: PromptSchema,
      negative_prompt: z.exactOptional(NegativePromptSchema),
      resolution: z.literal('480p', { error: rule('must be 480p') }),
      duration: z.exactOptional(DurationSchema),
      aspect_ratio: z.exactOptional(
        z.enum(['16:9', '9:16', '1:1'], { error: rule('must be one of 16:9, 9:16, 1:1 for 480p') }),
      ),
      audio_urls: z.exactOptional(AudioUrlsSchema),
      prompt_extend: z.exactOptional(PromptExtendSchema),
      watermark: z.exactOptional(WatermarkSchema),
      seed: z.exactOptional(SeedSchema),
    },
    { error: expected('an object') },
  ))();

/**
 * Text-to-video at 720p or 1080p (the default when `resolution` is omitted), which allow the
 * aspect ratios `16:9`, `9:16`, `1:1`, `4:3` and `3:4`.
 */
export const TextToVideoHdInputSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      mode: z.literal('text-to-video', { error: rule('must be text-to-video') }),
      prompt: PromptSchema,
      negative_prompt: z.exactOptional(NegativePromptSchema),
      resolution: z.exactOptional(z.enum(['720p', '1080p'], { error: rule('must be one of 720p, 1080p') })),
      duration: z.exactOptional(DurationSchema),
      aspect_ratio: z.exactOptional(
        z.enum(['16:9', '9:16', '1:1', '4:3', '3:4'], {
          error: rule('must be one of 16:9, 9:16, 1:1, 4:3, 3:4 for 720p or 1080p'),
        }),
      ),
      audio_urls: z.exactOptional(AudioUrlsSchema),
      prompt_extend: z.exactOptional(PromptExtendSchema),
      watermark: z.exactOptional(WatermarkSchema),
      seed: z.exactOptional(SeedSchema),
    },
    { error: expected('an object') },
  ))();

/**
 * Text-to-video input. The allowed `aspect_ratio` values depend on `resolution`: 480p allows
 * `16:9`, `9:16` and `1:1`; 720p and 1080p (the default) also allow `4:3` and `3:4`.
 */
export const TextToVideoInputSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('resolution', [TextToVideo480pInputSchema, TextToVideoHdInputSchema], {
    error: discriminated('resolution', 'must be one of 480p, 720p, 1080p'),
  }))();

/**
 * Exactly one reference image URL. JPEG/JPG, PNG (no alpha), BMP or WEBP; width and height
 * 240-8000 px; at most 20 MB.
 */
export const ImageUrlsSchema = /* @__PURE__ */ (() =>
  z
    .array(MediaUrlSchema, { error: expected('an array') })
    .check(itemCount(1, 1, 'must have exactly 1 item')))();

/**
 * The optional image-to-video prompt: how to animate the image, in Chinese or English, at most
 * 1500 characters (Unicode code points). The reference asks for "non-empty" only in text-to-video
 * mode, so an empty prompt is accepted here.
 */
export const ImageToVideoPromptSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: expected('a string') })
    .check(z.maxLength(1500, { error: rule('must be at most 1500 characters') })))();

/**
 * Output resolution; omitted means `1080p`. Billed per second: $0.05 at 480p, $0.10 at 720p,
 * $0.15 at 1080p.
 */
export const ResolutionSchema = /* @__PURE__ */ (() =>
  z.enum(['480p', '720p', '1080p'], { error: rule('must be one of 480p, 720p, 1080p') }))();

/**
 * Image-to-video input: one reference image, animated as the optional prompt describes.
 * `aspect_ratio` does not apply (the output follows the image).
 */
export const ImageToVideoInputSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      mode: z.literal('image-to-video', { error: rule('must be image-to-video') }),
      image_urls: ImageUrlsSchema,
      prompt: z.exactOptional(ImageToVideoPromptSchema),
      negative_prompt: z.exactOptional(NegativePromptSchema),
      resolution: z.exactOptional(ResolutionSchema),
      duration: z.exactOptional(DurationSchema),
      audio_urls: z.exactOptional(AudioUrlsSchema),
      prompt_extend: z.exactOptional(PromptExtendSchema),
      watermark: z.exactOptional(WatermarkSchema),
      seed: z.exactOptional(SeedSchema),
    },
    { error: expected('an object') },
  ))();

/**
 * The model input, by `mode`. There is no `discriminator` here on purpose: `text-to-video` is itself
 * a union by `resolution`, which a discriminator mapping cannot point to in most generators.
 */
export const GenerationInputSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('mode', [TextToVideoInputSchema, ImageToVideoInputSchema], {
    error: discriminated('mode', 'must be one of text-to-video, image-to-video'),
  }))();

/**
 * Submit a task and poll the status endpoint for its result.
 */
export const AsyncGenerateTaskRequestSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      request_type: z.literal('async', { error: rule('must be async') }),
      callback_url: z.exactOptional(CallbackUrlSchema),
      input: GenerationInputSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * Submit a task and receive its final status at `callback_url`.
 */
export const CallbackGenerateTaskRequestSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      request_type: z.literal('callback', { error: rule('must be callback') }),
      callback_url: CallbackUrlSchema,
      input: GenerationInputSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * A task submission. `request_type` selects how the result is delivered: `async` for polling
 * the status endpoint, `callback` to have the final status POSTed to `callback_url`.
 */
export const GenerateTaskRequestSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('request_type', [AsyncGenerateTaskRequestSchema, CallbackGenerateTaskRequestSchema], {
    error: discriminated('request_type', 'must be one of async, callback'),
  }))();

/**
 * Unique task identifier, used with the status endpoint.
 */
export const TaskIdentifierSchema = /* @__PURE__ */ (() => z.string({ error: expected('a string') }))();

/**
 * The accepted task.
 */
export const SubmittedTaskSchema = /* @__PURE__ */ (() =>
  z.looseObject({ taskId: TaskIdentifierSchema }, { error: expected('an object') }))();

/**
 * The answer to an accepted submission.
 */
export const GenerateTaskResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      code: z.number({ error: expected('an integer') }).check(integer),
      message: z.string({ error: expected('a string') }),
      data: SubmittedTaskSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * Task creation time, Unix epoch milliseconds.
 */
export const CreateTimeSchema = /* @__PURE__ */ (() =>
  z.number({ error: expected('an integer') }).check(integer))();

/**
 * Received and waiting to run.
 */
export const PendingTaskSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      taskId: TaskIdentifierSchema,
      state: z.literal('pending', { error: rule('must be pending') }),
      createTime: CreateTimeSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * Generating.
 */
export const ProcessingTaskSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      taskId: TaskIdentifierSchema,
      state: z.literal('processing', { error: rule('must be processing') }),
      createTime: CreateTimeSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * The parsed content of `resultJson` on a succeeded task.
 */
export const ResultPayloadSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      resultUrls: z
        .array(MediaUrlSchema, { error: expected('an array') })
        .check(itemCount(1, Infinity, 'must have at least 1 item')),
    },
    { error: expected('an object') },
  ))();

/**
 * Task completion time, Unix epoch milliseconds. Present once the task has finished.
 */
export const CompleteTimeSchema = /* @__PURE__ */ (() =>
  z.number({ error: expected('an integer') }).check(integer))();

/**
 * Finished with a video. Parse `resultJson` for the result URLs.
 */
export const SucceededTaskSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      taskId: TaskIdentifierSchema,
      state: z.literal('success', { error: rule('must be success') }),
      resultJson: z.string({ error: expected('a string') }),
      createTime: CreateTimeSchema,
      completeTime: z.exactOptional(CompleteTimeSchema),
      costTime: z.exactOptional(z.number({ error: expected('an integer') }).check(integer)),
    },
    { error: expected('an object') },
  ))();

/**
 * Machine-readable failure reason. An open set: any string may appear as the provider adds codes,
 * so treat an unknown code like a generic failure. The codes documented today (also listed in
 * `x-extensible-enum`):
 * - `CONTENT_VIOLATION`: the prompt or reference image failed safety checks; change them.
 * - `INVALID_IMAGE_URL`: a reference image URL could not be fetched or decoded; use a public, direct URL.
 * - `INVALID_PARAMETER`: a model parameter is unsupported or malformed.
 * - `INSUFFICIENT_BALANCE`: the account lacks balance for the task; add balance before retrying.
 * - `TIMEOUT`: generation did not finish in time; retry, simplify the input, or use callback mode.
 */
export const FailCodeSchema = /* @__PURE__ */ (() => z.string({ error: expected('a string') }))();

/**
 * Finished without a video. See `failCode` and `failMsg`.
 */
export const FailedTaskSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      taskId: TaskIdentifierSchema,
      state: z.literal('failed', { error: rule('must be failed') }),
      failCode: FailCodeSchema,
      failMsg: z.exactOptional(z.string({ error: expected('a string') })),
      createTime: CreateTimeSchema,
      completeTime: z.exactOptional(CompleteTimeSchema),
    },
    { error: expected('an object') },
  ))();

/**
 * A task, by `state`. Only `success` carries `resultJson`; only `failed` carries `failCode`.
 */
export const TaskSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion(
    'state',
    [PendingTaskSchema, ProcessingTaskSchema, SucceededTaskSchema, FailedTaskSchema],
    { error: discriminated('state', 'must be one of pending, processing, success, failed') },
  ))();

/**
 * The status envelope, answered by the status endpoint and POSTed to `callback_url`.
 */
export const TaskStatusResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      code: z.number({ error: expected('an integer') }).check(integer),
      message: z.string({ error: expected('a string') }),
      data: TaskSchema,
    },
    { error: expected('an object') },
  ))();

/**
 * The body of an HTTP error answer. The reference documents the statuses but never shows an error
 * body, so every field is optional and a body of another shape (or none) may arrive.
 */
export const ErrorResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject(
    {
      code: z.exactOptional(z.number({ error: expected('an integer') }).check(integer)),
      message: z.exactOptional(z.string({ error: expected('a string') })),
    },
    { error: expected('an object') },
  ))();
