import { issue, WanValidationError } from './errors.ts';

const rules = {
  'a positive number': (value: number) => Number.isFinite(value) && value > 0,
  'a non-negative number': (value: number) => Number.isFinite(value) && value >= 0,
  'a non-negative integer': (value: number) => Number.isInteger(value) && value >= 0,
};

type Rule = keyof typeof rules;

/** Throws `WanValidationError` naming every numeric option that breaks its rule; undefined means unset. */
export function checkNumbers(subject: string, options: Record<string, [value: unknown, rule: Rule]>): void {
  const issues = Object.entries(options).flatMap(([path, [value, rule]]) =>
    value === undefined || (typeof value === 'number' && rules[rule](value))
      ? []
      : [issue(path, `must be ${rule}`, 'invalid_value')],
  );
  if (issues.length > 0) throw new WanValidationError(subject, issues);
}
