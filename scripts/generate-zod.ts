// Generates packages/zod/src/generated/zod.gen.ts from the spec with the zod plugin of @hey-api/openapi-ts.
// The resolvers below change the plugin's output where it would not give the spec's verdict or type.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type UserConfig } from '@hey-api/openapi-ts';
import { generatedHeader, root, specSource, writeGeneratedTs } from './lib/workspace.ts';

type ZodPlugin = Extract<NonNullable<UserConfig['plugins']>[number], { name: 'zod' }>;
type Resolvers = NonNullable<ZodPlugin['~resolvers']>;
type SchemaNode = Record<string, unknown>;

/** The hand-written check for `format: uri`, exported by packages/zod/src/formats.ts. */
const uriCheck = 'uri';

/**
 * Patches each schema before the plugin reads it, where the plugin's output would not give the spec's
 * verdict or type:
 * - JSON Schema's `default` is an annotation: a validator never fills it in, and the spec's defaults
 *   describe what the server assumes for an omitted field. zod's `.default()` would instead write the value
 *   into the parsed body, which changes what a client sends and makes `z.infer` differ from the spec's type.
 * - A single-value `enum` is how the spec pins a discriminating value (tools for OpenAPI 3.0 ignore `const`).
 *   It is the `const` it stands for: `z.literal`, where the plugin would emit `z.enum([value])` and extend
 *   every variant of a union with a discriminator mapping.
 * - `format: int64` tells other languages to use a 64-bit integer for the epoch-millisecond times. The plugin
 *   would emit `z.coerce.bigint()`, which accepts numeric strings and infers `bigint`; they fit a JavaScript
 *   number, so they are checked as integers and stay `number`.
 */
function patchSchema(schema: SchemaNode): void {
  delete schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) {
    schema.const = schema.enum[0];
    delete schema.enum;
  }
  if (schema.format === 'int64') delete schema.format;
  const children = [
    ...Object.values((schema.properties ?? {}) as Record<string, SchemaNode>),
    ...(['oneOf', 'anyOf', 'allOf'] as const).flatMap((key) => (schema[key] ?? []) as SchemaNode[]),
    ...(schema.items ? [schema.items as SchemaNode] : []),
  ];
  for (const child of children) patchSchema(child);
}

/**
 * `format: uri` means an RFC 3986 URI; the plugin's `z.url()` checks a WHATWG URL instead, and trims and
 * strips tabs from the value before the `pattern` sees it. The pattern is checked on the string as given,
 * then the RFC 3986 check of packages/zod/src/formats.ts.
 */
const string: Resolvers['string'] = (ctx) => {
  if (ctx.schema.format !== 'uri') return undefined;
  ctx.chain.current = ctx.$(ctx.plugin.imports.z).attr('string').call();
  ctx.chain.current = ctx.nodes.pattern(ctx) ?? ctx.chain.current;
  return ctx.chain.current.attr('check').call(ctx.$(uriCheck));
};

/**
 * Request objects are closed (`additionalProperties: false`) and must reject unknown keys; response objects
 * are open and must keep fields the provider adds later. The plugin's `z.object` would accept the first and
 * strip the second. Optional properties use `.exactOptional()`, so they infer `key?: T` like the spec's
 * TypeScript types (`.optional()` infers `key?: T | undefined`, which `exactOptionalPropertyTypes` rejects);
 * a key set to `undefined`, which JSON cannot carry, is rejected rather than read as absent.
 */
const object: Resolvers['object'] = (ctx) => {
  const { properties = {}, additionalProperties, required = [] } = ctx.schema;
  const isClosed = additionalProperties === false || additionalProperties?.type === 'never';
  if (Object.keys(properties).length === 0 || (additionalProperties !== undefined && !isClosed))
    return undefined;
  const shape = ctx.$.object().pretty();
  for (const [name, property] of Object.entries(properties)) {
    // The walker's path is an internal `{ '~ref': [...] }` of @hey-api/codegen-core; this is its childContext().
    const path = {
      '~ref': [...(ctx.path as unknown as { '~ref': PropertyKey[] })['~ref'], 'properties', name],
    };
    const result = ctx.walk(property, { path: path as unknown as typeof ctx.path, plugin: ctx.plugin });
    ctx._childResults.push(result);
    const chain = ctx.applyModifiers(result, {}).chain;
    shape.prop(name, required.includes(name) ? chain : chain.attr('exactOptional').call());
  }
  return ctx
    .$(ctx.plugin.imports.z)
    .attr(isClosed ? 'strictObject' : 'looseObject')
    .call(shape);
};

/**
 * `minItems` = `maxItems` arrays (exactly one image URL) become `z.tuple([...])` in the plugin, which infers
 * `[string]` where the spec's TypeScript type is `string[]`. `z.array(...).length(n)` checks the same.
 */
const tuple: Resolvers['tuple'] = (ctx) => {
  const { minItems, maxItems, const: constant } = ctx.schema;
  const [item] = ctx.childResults;
  if (constant !== undefined || minItems === undefined || minItems !== maxItems || !item) return undefined;
  return ctx
    .$(ctx.plugin.imports.z)
    .attr('array')
    .call(ctx.applyModifiers(item, {}).chain)
    .attr('length')
    .call(ctx.$.literal(minItems));
};

type UnionContext = Parameters<NonNullable<Resolvers['union']>>[0];
type IrSchema = UnionContext['schema'];
type Resolve = (ref: string) => IrSchema;

/** What a union's variant allows at its discriminating property: the constant values, and whether it may omit it. */
interface Tag {
  values: unknown[];
  optional: boolean;
}

/** The constants a schema allows (`const`, or an `enum` of constants), or undefined when it allows others. */
function constantsOf(schema: IrSchema, resolve: Resolve): unknown[] | undefined {
  if (schema.$ref) return constantsOf(resolve(schema.$ref), resolve);
  if (schema.const !== undefined) return [schema.const];
  const values = schema.type === 'enum' ? schema.items?.map((item) => item.const) : undefined;
  return values?.every((value) => value !== undefined) ? values : undefined;
}

/** The variant's tag at `key`. A variant that is itself a union is tagged only if it is discriminated too. */
function tagOf(schema: IrSchema, key: string, resolve: Resolve): Tag | undefined {
  if (schema.$ref) return tagOf(resolve(schema.$ref), key, resolve);
  if (schema.logicalOperator === 'or' && schema.items) {
    if (discriminatorOf(schema.items, resolve) === undefined) return undefined;
    const tags = schema.items.map((item) => tagOf(item, key, resolve));
    if (!tags.every((tag) => tag !== undefined)) return undefined;
    return {
      values: [...new Set(tags.flatMap((tag) => tag.values))],
      optional: tags.some((tag) => tag.optional),
    };
  }
  const property = schema.type === 'object' ? schema.properties?.[key] : undefined;
  const values = property && constantsOf(property, resolve);
  return values && { values, optional: !schema.required?.includes(key) };
}

/** The property names of the objects a union's variants resolve to, in order. */
function propertyNames(schemas: readonly IrSchema[], resolve: Resolve): string[] {
  return schemas.flatMap((schema) => {
    if (schema.$ref) return propertyNames([resolve(schema.$ref)], resolve);
    if (schema.logicalOperator === 'or' && schema.items) return propertyNames(schema.items, resolve);
    return Object.keys(schema.properties ?? {});
  });
}

/**
 * The first property that tells a union's variants apart: every variant allows only constants there, no
 * constant in two variants, and at most one variant may omit it (zod picks that one for a body without it).
 * Exactly the bodies one variant accepts pass, as with `oneOf`.
 */
function discriminatorOf(variants: readonly IrSchema[], resolve: Resolve): string | undefined {
  return [...new Set(propertyNames(variants, resolve))].find((key) => {
    const tags = variants.map((variant) => tagOf(variant, key, resolve));
    if (!tags.every((tag) => tag !== undefined)) return false;
    const values = tags.flatMap((tag) => tag.values);
    return new Set(values).size === values.length && tags.filter((tag) => tag.optional).length <= 1;
  });
}

/**
 * A `oneOf` without a declared discriminator becomes a plain `z.union`, which parses the body with every
 * variant and builds issues for each. When a property tells the variants apart (as `mode` and
 * `resolution` do for the generation input), `z.discriminatedUnion` picks the one variant by it instead.
 */
const union: Resolvers['union'] = (ctx) => {
  if (ctx.parentSchema.discriminator) return undefined;
  const resolve: Resolve = (ref) => ctx.plugin.context.resolveIrRef(ref);
  const key = discriminatorOf(ctx.schemas, resolve);
  if (key === undefined) return undefined;
  return ctx
    .$(ctx.plugin.imports.z)
    .attr('discriminatedUnion')
    .call(
      ctx.$.literal(key),
      ctx.$.array()
        .pretty()
        .elements(...ctx.childResults.map((result) => result.chain)),
    );
};

const out = mkdtempSync(join(tmpdir(), 'wan25-zod-'));
try {
  await createClient({
    input: specSource,
    output: { path: out, header: null },
    logs: { level: 'silent' },
    parser: { patch: { schemas: (_name, schema) => patchSchema(schema as SchemaNode) } },
    plugins: [
      {
        name: 'zod',
        definitions: { name: '{{name}}Schema', case: 'PascalCase' },
        requests: false,
        responses: false,
        webhooks: false,
        '~resolvers': { object, string, tuple, union },
      },
    ],
  });
  // The plugin's output starts with `import * as z from 'zod';`; the `format: uri` check is imported after it.
  const [zodImport, ...rest] = readFileSync(join(out, 'zod.gen.ts'), 'utf8').split('\n');
  if (zodImport !== "import * as z from 'zod';") throw new Error(`unexpected first line: ${zodImport}`);
  writeGeneratedTs(
    join(root, 'packages', 'zod', 'src', 'generated', 'zod.gen.ts'),
    [
      generatedHeader('generate-zod.ts'),
      zodImport,
      `import { ${uriCheck} } from '../formats.ts';`,
      ...rest,
    ].join('\n'),
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
