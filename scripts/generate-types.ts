// Generates packages/types/src/generated/openapi.gen.ts from the spec with openapi-typescript.
// openapi-typescript ignores `format`, so the `format: int64` epoch-millisecond times stay `number`.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, {
  astToString,
  type SchemaObject,
  STRING,
  tsIntersection,
  tsUnion,
} from 'openapi-typescript';
import ts from 'typescript';
import { generatedHeader, root, specSource, writeGeneratedTs } from './lib/workspace.ts';

/** The open sets of strings found in the spec: component name → its known values. */
const openSets = new Map<string, string[]>();

/**
 * A component schema `Name` with `x-extensible-enum` is a plain string in the spec whose known values
 * are listed. In TypeScript it becomes `KnownName | (string & {})`: the known values autocomplete, and
 * any other string (a code the provider adds later) is still accepted.
 */
function openSetOf(schema: SchemaObject, path: string | undefined): ts.TypeNode | undefined {
  const values: unknown = (schema as Record<string, unknown>)['x-extensible-enum'];
  if (values === undefined) return undefined;
  const name = path?.match(/^#\/components\/schemas\/(\w+)$/)?.[1];
  if (!name || !Array.isArray(values) || !values.every((value) => typeof value === 'string')) {
    throw new Error(`${path}: x-extensible-enum must list strings on a component schema`);
  }
  openSets.set(name, values);
  return tsUnion([
    ts.factory.createTypeReferenceNode(`Known${name}`),
    tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]),
  ]);
}

const ast = await openapiTS(pathToFileURL(specSource), {
  defaultNonNullable: false,
  transform: (schema, { path }) => openSetOf(schema, path),
});
const knownValueTypes = [...openSets].map(
  ([name, values]) =>
    `/** The documented values of \`${name}\`, which also accepts any other string. */\n` +
    `export type Known${name} = ${values.map((value) => JSON.stringify(value)).join(' | ')};\n`,
);
writeGeneratedTs(
  join(root, 'packages', 'types', 'src', 'generated', 'openapi.gen.ts'),
  [generatedHeader('generate-types.ts') + astToString(ast), ...knownValueTypes].join('\n'),
);
