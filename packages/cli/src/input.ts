import type { GenerationInput } from '@wan25/client';
import { GenerateTaskRequestSchema, toValidationIssues, type ValidationIssue } from '@wan25/zod';
import { UsageError } from './exit.ts';
import { quote } from './format.ts';

/** `wan25 generate`'s input flags, as commander parses them (strings until validated). */
export interface InputFlags {
  image?: string;
  audio?: string;
  resolution?: string;
  duration?: string;
  aspectRatio?: string;
  negativePrompt?: string;
  seed?: string;
  /** False with `--no-prompt-extend`. */
  promptExtend: boolean;
  watermark?: boolean;
  callbackUrl?: string;
}

export interface TaskRequest {
  input: GenerationInput;
  callbackUrl?: string;
}

/** Which flag sets each request field, to name it in validation messages. */
const flagByPath: Readonly<Record<string, string>> = {
  'input.prompt': 'PROMPT',
  'input.image_urls': '--image',
  'input.audio_urls': '--audio',
  'input.resolution': '--resolution',
  'input.duration': '--duration',
  'input.aspect_ratio': '--aspect-ratio',
  'input.negative_prompt': '--negative-prompt',
  'input.seed': '--seed',
  callback_url: '--callback-url',
};

/** Numbers as numbers so that the schema checks them (`1.5`: must be an integer); anything else stays text. */
function numberOrText(value: string | undefined): number | string | undefined {
  return value !== undefined && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** `{ a: undefined }` would break exactOptionalPropertyTypes and the closed schemas: drop such keys. */
function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Request fields parse with the closed request schemas: the mode follows from `image_urls`. */
export function withMode(input: Record<string, unknown>): Record<string, unknown> {
  if ('mode' in input) return input;
  return { mode: 'image_urls' in input ? 'image-to-video' : 'text-to-video', ...input };
}

/** An issue's message, where the schema's words would mislead: a closed image-to-video input "has no" aspect ratio. */
export function describeIssue(issue: ValidationIssue): string {
  if (issue.path === 'input.aspect_ratio' && issue.message === 'unknown property') {
    return 'applies only to text-to-video, not to image-to-video';
  }
  return issue.message;
}

/**
 * Checks a request body with the spec's schema. Returns it typed, or every problem found, each naming
 * the field (`input.aspect_ratio`) and the rule (`480p allows 16:9, 9:16 or 1:1`).
 */
export function checkRequest(body: {
  input: unknown;
  callback_url?: string;
}): { ok: true; request: TaskRequest } | { ok: false; issues: ValidationIssue[] } {
  const request =
    body.callback_url === undefined
      ? { request_type: 'async', input: body.input }
      : { request_type: 'callback', callback_url: body.callback_url, input: body.input };
  const result = GenerateTaskRequestSchema.safeParse(request);
  if (!result.success) return { ok: false, issues: toValidationIssues(result.error, request) };
  const data = result.data;
  return {
    ok: true,
    request: {
      input: data.input as GenerationInput,
      ...('callback_url' in data ? { callbackUrl: data.callback_url } : {}),
    },
  };
}

/**
 * The task request from `generate`'s prompt and flags, unchecked: the client checks it when submitting,
 * and `flagErrors` names the flags of what it finds.
 */
export function requestFromFlags(prompt: string | undefined, flags: InputFlags): TaskRequest {
  const input = withMode(
    defined({
      prompt,
      image_urls: flags.image === undefined ? undefined : [flags.image],
      audio_urls: flags.audio === undefined ? undefined : [flags.audio],
      resolution: flags.resolution,
      duration: numberOrText(flags.duration),
      aspect_ratio: flags.aspectRatio,
      negative_prompt: flags.negativePrompt,
      seed: numberOrText(flags.seed),
      prompt_extend: flags.promptExtend ? undefined : false,
      watermark: flags.watermark,
    }),
  );
  return {
    input: input as GenerationInput,
    ...(flags.callbackUrl === undefined ? {} : { callbackUrl: flags.callbackUrl }),
  };
}

/** The client's validation issues with a request built by `requestFromFlags`, each naming its flag. */
export function flagErrors(issues: readonly ValidationIssue[], request: TaskRequest): UsageError {
  const input = request.input as Record<string, unknown>;
  return new UsageError(issues.map((issue) => describeFlagIssue(issue, input)).join('\n'));
}

function describeFlagIssue(issue: ValidationIssue, input: Record<string, unknown>): string {
  const path = issue.path.replace(/\[\d+\]$/, '');
  const flag = flagByPath[path] ?? path;
  const field = path.startsWith('input.') ? path.slice('input.'.length) : undefined;
  const value = field === undefined ? undefined : input[field];
  const given = Array.isArray(value) ? value[0] : value;
  const got = given === undefined || typeof given === 'boolean' ? '' : ` (got ${quote(given)})`;
  return `${flag}: ${describeIssue({ ...issue, path })}${got}`;
}
