import type { GenerationInput } from '@wan25/types';
import { GenerateTaskRequestSchema, toValidationIssues } from '@wan25/zod/mini';
import { WanValidationError } from './errors.ts';

/** Inputs that `checkTaskInput` returned: frozen once checked, so `submit` sends them unchecked. */
export const checkedInputs: WeakSet<object> = new WeakSet();

/** Checks a task request's JSON form against the spec's schema; throws naming every problem. */
export function checkTaskRequest(sent: unknown): void {
  const result = GenerateTaskRequestSchema.safeParse(sent);
  if (!result.success) throw new WanValidationError('Invalid task request', toValidationIssues(result.error));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}

/**
 * Checks a task input as `submit` does (its JSON form against the spec's request schema) without
 * sending it, and returns that JSON form frozen: `submit` sends it as it is, without checking it again.
 * Throws `WanValidationError` naming every problem (paths start with `input.`). For callers that check
 * many inputs before sending any, such as `wan25 batch`.
 */
export function checkTaskInput(input: GenerationInput): GenerationInput {
  const sent = JSON.parse(JSON.stringify({ request_type: 'async', input })) as { input: GenerationInput };
  checkTaskRequest(sent);
  checkedInputs.add(deepFreeze(sent.input));
  return sent.input;
}
