// The classic zod API: schemas to compose with your own (`.extend()`, `.optional()`, ...).
export * from './generated/zod.gen.ts';
export { toValidationIssues, type ValidationIssue } from './issues.ts';
