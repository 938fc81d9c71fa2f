// Generates the zod schemas of @wan25/zod from the bundled spec, in two flavours with the same statements
// (but for the spelling of string enums, see lib/zod-source.ts): packages/zod/src/generated/zod.gen.ts
// (classic, `import * as z from 'zod'`) and mini.gen.ts (`zod/mini`).
//
// Why a generator of our own rather than the zod plugin of @hey-api/openapi-ts: the schemas need rules the
// plugin's documented options do not offer (closed request objects and open response objects, no
// `.default()`, the RFC 3986 `format: uri`, `exactOptional`, discriminated unions without a declared
// discriminator, and a message on every check), so the previous script reached into its private resolver
// hooks, which upstream renames between versions. What the spec uses is small (see keywordsByKind in
// lib/zod-source.ts): the generator covers exactly that and stops on anything else, so a spec change it
// does not understand fails `pnpm generate` instead of losing a rule. One text for both flavours (that
// spelling apart) makes them equal by construction; packages/zod/test checks them against Ajv and every vector.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json } from './lib/openapi.ts';
import { bundledSpecJson, generatedHeader, root, writeGeneratedTs } from './lib/workspace.ts';
import { type Flavour, type Helpers, zodModule } from './lib/zod-source.ts';

const spec = JSON.parse(readFileSync(bundledSpecJson, 'utf8')) as Json;

const modules: [Flavour, string, string][] = [
  ['classic', 'zod.gen.ts', 'zod'],
  ['mini', 'mini.gen.ts', 'zod/mini'],
];
for (const [flavour, file, zod] of modules) {
  const { statements, helpers } = zodModule(spec, flavour);
  const helperImports = (Object.entries(helpers) as [keyof Helpers, Set<string>][])
    .filter(([, names]) => names.size > 0)
    .map(([module, names]) => `import { ${[...names].sort().join(', ')} } from '../${module}';`);
  writeGeneratedTs(
    join(root, 'packages', 'zod', 'src', 'generated', file),
    [
      generatedHeader('generate-zod.ts'),
      `import * as z from '${zod}';`,
      ...helperImports,
      '',
      statements,
      '',
    ].join('\n'),
  );
}
