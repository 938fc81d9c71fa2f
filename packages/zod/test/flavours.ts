import * as classic from '../src/index.ts';
import * as mini from '../src/mini.ts';

/** Both entries of the package, `@wan25/zod` and `@wan25/zod/mini`: every test of a verdict runs on each. */
export const flavours = [
  ['classic', classic],
  ['mini', mini],
] as const;

/** What both flavours' schemas share: a parse that returns the verdict and zod's issues. */
export interface Parser {
  safeParse(value: unknown): { success: boolean; error?: Parameters<typeof classic.toValidationIssues>[0] };
}
