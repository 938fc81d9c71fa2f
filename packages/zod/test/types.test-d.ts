import type {
  ErrorResponse,
  FailCode,
  GenerateTaskRequest,
  GenerateTaskResponse,
  GenerationInput,
  ResultPayload,
  Task,
  TaskStatusResponse,
} from '@wan25/types';
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type {
  ErrorResponseSchema,
  GenerateTaskRequestSchema,
  GenerateTaskResponseSchema,
  GenerationInputSchema,
  ResultPayloadSchema,
  TaskSchema,
  TaskStatusResponseSchema,
} from '../src/index.ts';

/** `true` when each type is assignable to the other (the zod types may differ in form, not in values). */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the zod schemas infer the types openapi-typescript generates from the same spec', () => {
  it('requests: z.infer and z.input both', () => {
    expectTypeOf<
      Interchangeable<z.infer<typeof GenerateTaskRequestSchema>, GenerateTaskRequest>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Interchangeable<z.input<typeof GenerateTaskRequestSchema>, GenerateTaskRequest>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Interchangeable<z.infer<typeof GenerationInputSchema>, GenerationInput>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Interchangeable<z.input<typeof GenerationInputSchema>, GenerationInput>
    >().toEqualTypeOf<true>();
  });

  it('responses and the webhook body', () => {
    expectTypeOf<Interchangeable<z.infer<typeof TaskSchema>, Task>>().toEqualTypeOf<true>();
    expectTypeOf<
      Interchangeable<z.infer<typeof TaskStatusResponseSchema>, TaskStatusResponse>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Interchangeable<z.infer<typeof GenerateTaskResponseSchema>, GenerateTaskResponse>
    >().toEqualTypeOf<true>();
    expectTypeOf<Interchangeable<z.infer<typeof ResultPayloadSchema>, ResultPayload>>().toEqualTypeOf<true>();
    expectTypeOf<Interchangeable<z.infer<typeof ErrorResponseSchema>, ErrorResponse>>().toEqualTypeOf<true>();
  });

  it('narrows a parsed task by state, like the spec type', () => {
    type Parsed = z.infer<typeof TaskSchema>;
    expectTypeOf<Extract<Parsed, { state: 'success' }>['resultJson']>().toEqualTypeOf<string>();
    expectTypeOf<
      Interchangeable<Extract<Parsed, { state: 'failed' }>['failCode'], FailCode>
    >().toEqualTypeOf<true>();
    expectTypeOf<Parsed['state']>().toEqualTypeOf<Task['state']>();
  });
});
