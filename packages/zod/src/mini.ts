// The same schemas built with `zod/mini`, whose functions a bundler keeps only when they are used: for
// browser and edge bundles that validate and do not compose.
export * from './generated/mini.gen.ts';
export { toValidationIssues, type ValidationIssue } from './issues.ts';
