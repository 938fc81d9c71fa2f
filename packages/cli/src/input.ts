import type { GenerationInput, ValidationIssue } from '@wan25/client';
import { UsageError } from './exit.ts';

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
  if (issue.path === 'input.aspect_ratio' && issue.code === 'unrecognized_keys') {
    return 'applies only to text-to-video, not to image-to-video';
  }
  return issue.message;
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
export function flagErrors(issues: readonly ValidationIssue[]): UsageError {
  return new UsageError(issues.map(describeFlagIssue).join('\n'));
}

/** `--seed: must be at least 0, not -1`: the schema's message quotes the value it rejects. */
function describeFlagIssue(issue: ValidationIssue): string {
  const path = issue.path.replace(/\[\d+\]$/, '');
  const flag = flagByPath[path] ?? path;
  return `${flag}: ${describeIssue({ ...issue, path })}`;
}
