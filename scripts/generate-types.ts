// Generates packages/types/src/generated/openapi.gen.ts from the spec with openapi-typescript.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { generatedHeader, root, specSource, writeGeneratedTs } from './lib/workspace.ts';

const ast = await openapiTS(pathToFileURL(specSource), { defaultNonNullable: false });
writeGeneratedTs(
  join(root, 'packages', 'types', 'src', 'generated', 'openapi.gen.ts'),
  generatedHeader('generate-types.ts') + astToString(ast),
);
