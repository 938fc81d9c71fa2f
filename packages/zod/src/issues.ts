import type * as z from 'zod';

/** One problem with a validated value: where it is (`input.aspect_ratio`, `input.image_urls[0]`, '' for the root) and the rule it breaks. */
export interface ValidationIssue {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * Turns a zod error from one of this package's schemas into one readable issue per problem.
 *
 * Pass the value that was parsed to tell a missing field (`is required for image-to-video`) from a wrong
 * one and to name the variant in rules that depend on it (`480p allows 16:9, 9:16 or 1:1`): the
 * discriminated unions report the chosen variant's issues without saying which variant that was.
 * Without the value the messages state the bare rule.
 */
export function toValidationIssues(error: z.ZodError, value?: unknown): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const issue of flatten(error.issues, [])) {
    const path = formatPath(issue.path);
    const message = describe(issue, value);
    // A string that is neither a URL nor matches the pattern breaks one rule, not two.
    const key = issue.code === 'invalid_format' ? `${path}\0format` : `${path}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message });
  }
  return issues;
}

/** The leaf issues, each with its full path; an unknown key is one issue per key. */
function flatten(issues: readonly Issue[], base: readonly PathKey[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ ...issue, path: [...path, key], message: 'unknown property' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0)
      return flatten(closest(issue.errors), path);
    return [{ ...issue, path }];
  });
}

/**
 * The issues of the plain union's branch the value came closest to. When every branch rejects the same
 * value as not one of its constants (`5 | 10`), that is one issue listing every constant.
 */
function closest(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const misses = branches.map(([miss, ...others]) =>
    miss?.code === 'invalid_value' && miss.path.length === 0 && others.length === 0 ? miss : undefined,
  );
  const [first] = misses;
  if (first && misses.every((miss) => miss !== undefined)) {
    return [{ ...first, values: misses.flatMap((miss) => miss.values) }];
  }
  return branches.reduce((best, issues) => (issues.length < best.length ? issues : best));
}

/** Whether the object that should hold the value at `path` in `root` lacks the key (JSON has no `undefined`). */
function isMissing(root: unknown, path: readonly PathKey[]): boolean {
  const parent = path.slice(0, -1).reduce<unknown>((at, key) => propertyOf(at, key), root);
  const key = path.at(-1);
  return key !== undefined && isObject(parent) && !(key in parent);
}

/**
 * What the objects around the value at `path` say about the variant it sits in, e.g. the `mode` of
 * `input` for `input.audio_urls[0]`: the nearest string at `key` on the way from the root.
 */
function variantOf(root: unknown, path: readonly PathKey[], key: string): string | undefined {
  let variant: string | undefined;
  let at = root;
  for (const step of path) {
    const value = propertyOf(at, key);
    if (typeof value === 'string') variant = value;
    at = propertyOf(at, step);
  }
  return variant;
}

function propertyOf(value: unknown, key: PathKey): unknown {
  return isObject(value) ? (value as Record<PathKey, unknown>)[key] : undefined;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

function describe(issue: Issue, value: unknown): string {
  const missing = isMissing(value, issue.path);
  const mode = variantOf(value, issue.path, 'mode');
  const required = mode ? `is required for ${mode}` : 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return missing || issue.expected === 'nonoptional'
        ? required
        : `must be ${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_value': {
      if (missing) return required;
      const allowed = orList(issue.values.map(String));
      // The one rule that depends on another field: text-to-video's aspect ratios depend on the resolution.
      const resolution = variantOf(value, issue.path, 'resolution');
      return issue.path.at(-1) === 'aspect_ratio' && resolution
        ? `${resolution} allows ${allowed}`
        : `must be ${allowed}`;
    }
    case 'invalid_union': {
      // A discriminated union whose discriminator (the issue's path) matched none of its options; an
      // option that may omit the discriminator is listed as `undefined`.
      if (!('options' in issue) || !Array.isArray(issue.options)) return issue.message;
      const values = issue.options.filter((option) => option !== undefined);
      return `must be ${orList(values.map(String))}`;
    }
    case 'too_big':
      return `must be at most ${sizeOf(issue.origin, issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return `must be at least ${sizeOf(issue.origin, issue.minimum)}`;
    case 'invalid_format':
      if (issue.format === 'uri') return 'must be an absolute URI (RFC 3986)';
      if (issue.format === 'regex' && 'pattern' in issue)
        return `must match ${String(issue.pattern).slice(1, -1).replaceAll('\\/', '/')}`;
      return `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

function sizeOf(origin: string, size: number | bigint): string {
  if (origin === 'string') return `${size} ${size === 1 ? 'character' : 'characters'}`;
  if (origin === 'array') return `${size} ${size === 1 ? 'item' : 'items'}`;
  return String(size);
}

/** `a`, `a or b`, `a, b or c`. */
function orList(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

/** `input.image_urls[0]`; '' for the root. */
function formatPath(path: readonly PathKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
