import type * as z from 'zod';

/** One problem with a validated value: where it is (`input.aspect_ratio`, `input.image_urls[0]`, '' for the root) and the rule it breaks. */
export interface ValidationIssue {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/**
 * The properties the spec's `oneOf`s are told apart by (`request_type`, `mode`, the 480p/HD split of
 * text-to-video by `resolution`, the task's `state`). A union branch that fails on one of them is a
 * branch the value did not mean.
 */
const discriminators = new Set<PropertyKey>(['request_type', 'mode', 'resolution', 'state']);

/**
 * Turns a zod error from one of this package's schemas into one readable issue per problem.
 *
 * For a union, only the issues of the branch the value meant are reported (chosen by `request_type`,
 * `mode` and `resolution`), not a vague "invalid union". Parse with `{ reportInput: true }` to tell a
 * missing field (`is required for image-to-video`) from a wrong one and to name the variant in rules
 * that depend on it (`480p allows 16:9, 9:16 or 1:1`); without it the messages state the bare rule.
 */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const issue of flatten(error.issues, [], { variant: {} })) {
    const path = formatPath(issue.path);
    // A string that is neither a URL nor matches the pattern breaks one rule, not two.
    const key = issue.code === 'invalid_format' ? `${path}\0format` : `${path}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path, message: issue.message });
  }
  return issues;
}

interface Flat {
  path: PathKey[];
  message: string;
  code: Issue['code'];
}

/** What the value said about the union branches it sits in, e.g. `{ mode: 'text-to-video', resolution: '480p' }`. */
type Variant = Readonly<Record<string, string>>;

/** Where an issue sits: the union branches around it and, when zod reported it, the nearest union's input. */
interface Scope {
  variant: Variant;
  union?: { input: object; path: readonly PathKey[] };
}

/** The leaf issues under `base`, each with its message. */
function flatten(issues: readonly Issue[], base: PathKey[], scope: Scope): Flat[] {
  return issues.flatMap((issue): Flat[] => {
    const path = [...base, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: 'unknown property',
        code: issue.code,
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const input: unknown = issue.input;
      const inner: Scope =
        input !== null && typeof input === 'object'
          ? { variant: { ...scope.variant, ...discriminatorValues(input) }, union: { input, path } }
          : scope;
      return flatten(meantBranch(issue.errors), path, inner);
    }
    return [{ path, message: describe(issue, path, scope), code: issue.code }];
  });
}

/**
 * The issues of the branch the value meant: the one that fails on the fewest discriminating properties
 * (then on the fewest rules). When every such branch fails on the same discriminating property, the value
 * matched none of them there, so that property is reported once with every value the branches allow.
 */
function meantBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] {
  const choice = valueChoice(branches);
  if (choice) return [choice];
  const scored = branches.map((issues) => {
    const resolved = resolveNestedUnions(issues);
    return { issues, resolved, misses: resolved.filter(isDiscriminatorMiss) };
  });
  const fewest = Math.min(...scored.map((branch) => branch.misses.length));
  const best = scored.filter((branch) => branch.misses.length === fewest);
  const [chosen] = [...best].sort((a, b) => a.resolved.length - b.resolved.length);
  if (!chosen) return [];
  const key = chosen.misses.find((miss) =>
    best.every((branch) => branch.misses.some((other) => other.path[0] === miss.path[0])),
  )?.path[0];
  if (key === undefined || best.length === 1) return chosen.issues;
  const allowed = scored.flatMap((branch) =>
    branch.misses.flatMap((miss) =>
      miss.path[0] === key && miss.code === 'invalid_value' ? miss.values : [],
    ),
  );
  const merged: z.core.$ZodIssueInvalidValue = {
    code: 'invalid_value',
    values: [...new Set(allowed)],
    path: [key],
    message: '',
  };
  return [merged, ...chosen.resolved.filter((issue) => issue.path[0] !== key)];
}

/** A union of constants (`5 | 10`) missed by a value: one issue listing every constant. */
function valueChoice(branches: readonly (readonly Issue[])[]): Issue | undefined {
  const misses = branches.map((issues) => (issues.length === 1 ? issues[0] : undefined));
  const path = misses[0]?.path.join('.');
  const values = misses.flatMap((miss) =>
    miss?.code === 'invalid_value' && miss.path.join('.') === path ? [miss.values] : [],
  );
  if (values.length !== branches.length || !misses[0]) return undefined;
  return { ...misses[0], values: values.flat() } as Issue;
}

/** A branch that is itself a union is scored by the branch of it the value meant. */
function resolveNestedUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) =>
    issue.code === 'invalid_union' && issue.errors.length > 0 && issue.path.length === 0
      ? resolveNestedUnions(meantBranch(issue.errors))
      : [issue],
  );
}

function isDiscriminatorMiss(issue: Issue): boolean {
  return (
    issue.path.length === 1 &&
    discriminators.has(issue.path[0] as PathKey) &&
    issue.code !== 'unrecognized_keys'
  );
}

/** A union's discriminating values, read from its input (zod reports it with `reportInput: true`). */
function discriminatorValues(input: object): Variant {
  return Object.fromEntries(
    Object.entries(input).filter(([key, value]) => discriminators.has(key) && typeof value === 'string'),
  );
}

/** Whether the value at `path` is absent: reported as `undefined`, and no key holds it (JSON has no `undefined`). */
function isAbsent(issue: Issue, path: readonly PathKey[], union: Scope['union']): boolean {
  if (!('input' in issue) || issue.input !== undefined) return false;
  if (!union) return true;
  const parent = path
    .slice(union.path.length, -1)
    .reduce<unknown>(
      (at, key) =>
        at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
      union.input,
    );
  return parent === null || typeof parent !== 'object' || !((path.at(-1) as PropertyKey) in parent);
}

function describe(issue: Issue, path: readonly PathKey[], { variant, union }: Scope): string {
  const field = path.at(-1) as PathKey;
  const isMissing = isAbsent(issue, path, union);
  const required = variant.mode ? `is required for ${variant.mode}` : 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return isMissing || issue.expected === 'nonoptional'
        ? required
        : `must be ${typeNames[issue.expected] ?? issue.expected}`;
    case 'invalid_value': {
      const allowed = orList(issue.values.map(String));
      if (discriminators.has(field)) return isMissing ? `is required: ${allowed}` : `must be ${allowed}`;
      if (isMissing) return required;
      // The one rule that depends on another field: text-to-video's aspect ratios depend on the resolution.
      return field === 'aspect_ratio' && variant.resolution
        ? `${variant.resolution} allows ${allowed}`
        : `must be ${allowed}`;
    }
    case 'invalid_union':
      // A discriminated union whose discriminator matched no option.
      return 'options' in issue && Array.isArray(issue.options)
        ? `must be ${orList(issue.options.map(String))}`
        : issue.message;
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
