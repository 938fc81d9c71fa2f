import { DurationSchema, ResolutionSchema, TextToVideoHdInputSchema } from '@wan25/zod';

/** The values the flags offer, read from the API's schemas rather than retyped. */
export const resolutions: readonly string[] = ResolutionSchema.options;
export const durations: readonly string[] = DurationSchema.options.map(({ value }) => String(value));
/** Every aspect ratio of text-to-video (480p allows fewer: the schema says which when checking). */
export const aspectRatios: readonly string[] = TextToVideoHdInputSchema.shape.aspect_ratio.unwrap().options;
