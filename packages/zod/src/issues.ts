import type * as core from 'zod/v4/core';

/**
 * One problem with a validated value. `path` says where (`input.image_urls[0]`; '' for the value itself),
 * `code` is zod's issue code (`invalid_type`, `invalid_value`, `invalid_format`, `too_small`, `too_big`,
 * `unrecognized_keys`, `invalid_union`), and `message` is the rule, written for a person
 * (`must be one of 16:9, 9:16, 1:1 for 480p, not "4:3"`).
 */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/**
 * The issues of a failed parse by one of this package's schemas, classic or mini: their messages were
 * attached when the schemas were generated, so this only flattens them, one issue per unknown key.
 */
export function toValidationIssues(error: Pick<core.$ZodError, 'issues'>): ValidationIssue[] {
  return error.issues.flatMap(({ code, path, message, ...issue }) => {
    const keys = 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : undefined;
    if (code === 'unrecognized_keys' && keys)
      return keys.map((key) => ({ path: formatPath([...path, key]), code, message }));
    return [{ path: formatPath(path), code, message }];
  });
}

/** `input.image_urls[0]`; '' for the root. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
