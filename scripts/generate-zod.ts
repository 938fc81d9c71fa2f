// Generates packages/zod/src/generated/zod.gen.ts from the spec with the zod plugin of @hey-api/openapi-ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { generatedHeader, root, specSource, writeGeneratedTs } from './lib/workspace.ts';

type SchemaNode = Record<string, unknown>;

/** The hand-written check for `format: uri`, exported by packages/zod/src/formats.ts. */
const uriCheck = 'uri';

/**
 * JSON Schema's `default` is an annotation: a validator never fills it in, and the spec's defaults describe
 * what the server assumes for an omitted field. zod's `.default()` would instead write the value into the
 * parsed body, which changes what a client sends and makes `z.infer` differ from the spec's type.
 */
function dropDefaults(schema: SchemaNode): void {
  delete schema.default;
  const children = [
    ...Object.values((schema.properties ?? {}) as Record<string, SchemaNode>),
    ...(['oneOf', 'anyOf', 'allOf'] as const).flatMap((key) => (schema[key] ?? []) as SchemaNode[]),
    ...(schema.items ? [schema.items as SchemaNode] : []),
  ];
  for (const child of children) dropDefaults(child);
}

const out = mkdtempSync(join(tmpdir(), 'wan25-zod-'));
try {
  await createClient({
    input: specSource,
    output: { path: out, header: null },
    logs: { level: 'silent' },
    parser: { patch: { schemas: (_name, schema) => dropDefaults(schema as SchemaNode) } },
    plugins: [
      {
        name: 'zod',
        definitions: { name: '{{name}}Schema', case: 'PascalCase' },
        requests: false,
        responses: false,
        webhooks: false,
        '~resolvers': {
          // `format: uri` means an RFC 3986 URI; the plugin's `z.url()` checks a WHATWG URL instead (and trims
          // and strips tabs from the value before the pattern sees it). packages/zod/src/formats.ts has the
          // RFC 3986 check, imported into the generated file below.
          string(ctx) {
            if (ctx.schema.format !== 'uri') return undefined;
            ctx.chain.current = ctx.$(ctx.plugin.imports.z).attr('string').call();
            ctx.chain.current = ctx.nodes.pattern(ctx) ?? ctx.chain.current;
            return ctx.chain.current.attr('check').call(ctx.$(uriCheck));
          },
          // The spec's request objects are closed (`additionalProperties: false`) and must reject unknown
          // keys; its response objects are open and must keep fields the provider adds later. The plugin's
          // default, `z.object`, would accept the first and silently strip the second.
          object(ctx) {
            const { properties, additionalProperties } = ctx.schema;
            if (!properties || Object.keys(properties).length === 0) return undefined;
            const z = ctx.$(ctx.plugin.imports.z);
            if (additionalProperties === undefined) return z.attr('looseObject').call(ctx.nodes.shape(ctx));
            if (additionalProperties === false || additionalProperties.type === 'never') {
              return z.attr('strictObject').call(ctx.nodes.shape(ctx));
            }
            return undefined;
          },
        },
      },
    ],
  });
  writeGeneratedTs(
    join(root, 'packages', 'zod', 'src', 'generated', 'zod.gen.ts'),
    `${generatedHeader('generate-zod.ts')}import { ${uriCheck} } from '../formats.ts';\n${readFileSync(join(out, 'zod.gen.ts'), 'utf8')}`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
