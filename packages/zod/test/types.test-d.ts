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
import type * as classic from '../src/index.ts';
import type * as mini from '../src/mini.ts';

/** `true` when each type is assignable to the other (the zod types may differ in form, not in values). */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** For each spec type, whether the flavour's schema infers it (`z.infer`, and `z.input` for requests). */
interface Inferred<S extends typeof classic | typeof mini> {
  request: Interchangeable<z.infer<S['GenerateTaskRequestSchema']>, GenerateTaskRequest>;
  requestInput: Interchangeable<z.input<S['GenerateTaskRequestSchema']>, GenerateTaskRequest>;
  generationInput: Interchangeable<z.infer<S['GenerationInputSchema']>, GenerationInput>;
  generationInputInput: Interchangeable<z.input<S['GenerationInputSchema']>, GenerationInput>;
  task: Interchangeable<z.infer<S['TaskSchema']>, Task>;
  status: Interchangeable<z.infer<S['TaskStatusResponseSchema']>, TaskStatusResponse>;
  submitted: Interchangeable<z.infer<S['GenerateTaskResponseSchema']>, GenerateTaskResponse>;
  result: Interchangeable<z.infer<S['ResultPayloadSchema']>, ResultPayload>;
  error: Interchangeable<z.infer<S['ErrorResponseSchema']>, ErrorResponse>;
  /** A parsed task narrows by state like the spec type. */
  resultJson: Interchangeable<Extract<z.infer<S['TaskSchema']>, { state: 'success' }>['resultJson'], string>;
  failCode: Interchangeable<Extract<z.infer<S['TaskSchema']>, { state: 'failed' }>['failCode'], FailCode>;
  state: Interchangeable<z.infer<S['TaskSchema']>['state'], Task['state']>;
  /** Epoch-millisecond times (`format: int64`) are numbers, not bigints. */
  createTime: Interchangeable<z.infer<S['TaskSchema']>['createTime'], number>;
}
type AllTrue = { [K in keyof Inferred<typeof classic>]: true };

describe('the zod schemas infer the types openapi-typescript generates from the same spec', () => {
  it('classic', () => {
    expectTypeOf<Inferred<typeof classic>>().toEqualTypeOf<AllTrue>();
  });

  it('mini', () => {
    expectTypeOf<Inferred<typeof mini>>().toEqualTypeOf<AllTrue>();
  });
});
