// Checks that the bundled spec (packages/spec/dist/openapi.json, written by `pnpm generate`) is ready for
// client generators in other languages: self-contained, an operationId on every operation, and a named
// schema for every body and every object. Exits non-zero, listing each problem, when it is not.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatorReadinessProblems } from './lib/generator-readiness.ts';
import { bundledSpecJson, root } from './lib/workspace.ts';

const problems = generatorReadinessProblems(JSON.parse(readFileSync(bundledSpecJson, 'utf8')));
const where = relative(root, bundledSpecJson);
if (problems.length > 0) {
  console.error(`${where} is not ready for other-language generators:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `${where} is ready for other-language generators: self-contained, every operation and body named`,
);
