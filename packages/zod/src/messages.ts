import type * as core from 'zod/v4/core';

/**
 * The messages the generated schemas attach to each of their checks (scripts/generate-zod.ts writes the
 * rule, e.g. "must be an https URL"), so every issue zod raises already reads as one sentence about one
 * field. They work with the classic and the mini schemas alike: both run on zod's core.
 */
export type Message = (issue: core.$ZodRawIssue) => string;

/** Quoted values longer than this are cut, so that a 1,500-character prompt does not flood a message. */
const maxQuotedLength = 40;

/** The value as JSON (`"4:3"`, `7`, `[1,2]`), cut to 40 characters (code points) with an ellipsis. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value); // a BigInt or a cycle
  }
  const characters = Array.from(text); // code points: never half an emoji
  if (characters.length <= maxQuotedLength) return text;
  const cut = `${characters.slice(0, maxQuotedLength - 2).join('')}…`;
  return typeof value === 'string' ? `${cut}"` : cut;
}

/**
 * For a schema's type check: `must be a string, not 5`; `is required` when there is no value; on an
 * object, `is not allowed` for a key it does not define (split into one issue per key by toValidationIssues).
 */
export function expected(what: string): Message {
  return (issue) => {
    if (issue.code === 'unrecognized_keys') return 'is not allowed';
    return issue.input === undefined ? 'is required' : `must be ${what}, not ${quote(issue.input)}`;
  };
}

/** For a rule on the value (allowed values, a pattern, a format): the rule and the value that broke it. */
export function rule(text: string): Message {
  return (issue) => (issue.input === undefined ? 'is required' : `${text}, not ${quote(issue.input)}`);
}

/**
 * For a discriminated union: when no variant has the object's value at `key`, the issue sits at `key`;
 * zod gives the whole object as its input.
 */
export function discriminated(key: string, text: string): Message {
  const object = expected('an object');
  return (issue) => {
    if (issue.code !== 'invalid_union') return object(issue);
    const value = (issue.input as Record<string, unknown>)[key];
    return value === undefined ? `is required and ${text}` : `${text}, not ${quote(value)}`;
  };
}
