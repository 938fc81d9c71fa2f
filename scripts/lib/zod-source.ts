// Turns the spec's component schemas into the statements of a zod module. The same statements serve the
// classic API (`zod`) and the mini one (`zod/mini`): they only call functions both export (`z.string()`,
// `z.minLength()`, `z.strictObject()`, ...) and attach checks with `.check()`, which both offer. One
// spelling differs: a choice of strings is `z.enum()` in classic (whose `.options` users read) and
// `z.literal()` in mini, which then needs only one of the two from zod's core in a bundle.
import { deref, isJson, type Json, schemaName } from './openapi.ts';

/** Keywords that annotate a schema without changing which values it accepts. */
const annotations = new Set([
  '$comment',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  'default',
  'deprecated',
  'description',
  'discriminator',
  'example',
  'examples',
  'externalDocs',
  'readOnly',
  'title',
  'writeOnly',
]);

/** The validation keywords each kind of schema may use; anything else stops the generator. */
const keywordsByKind: Record<string, readonly string[]> = {
  $ref: ['$ref'],
  union: ['oneOf', 'anyOf'],
  constant: ['type', 'enum', 'const'],
  string: ['type', 'minLength', 'maxLength', 'pattern', 'format'],
  integer: ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format'],
  number: ['type', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  boolean: ['type'],
  object: ['type', 'properties', 'required', 'additionalProperties'],
  array: ['type', 'items', 'minItems', 'maxItems'],
};

/** The formats the generated schemas check, by type. `int64` adds nothing: the value stays a `number`. */
const formats: Record<string, readonly string[]> = { string: ['uri'], integer: ['int64'] };

/**
 * What each `pattern` means, said the way a person would. A pattern without an entry stops the generator:
 * a message never shows a raw regular expression.
 */
export const patternRules: Record<string, string> = {
  '^https://\\S+$': 'must be an https URL',
  '^https?://\\S+$': 'must be an http or https URL',
};

const typeNames: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/** The runtime helpers a module's statements use, by the module of packages/zod/src that exports them. */
export interface Helpers {
  'checks.ts': Set<string>;
  'messages.ts': Set<string>;
}

/** `classic` for `import * as z from 'zod'`, `mini` for `zod/mini`. */
export type Flavour = 'classic' | 'mini';

export interface ZodModule {
  /** `export const NameSchema = ...;` for every component schema, each after the ones it references. */
  statements: string;
  helpers: Helpers;
}

/** A variant of a discriminated union: its values at the discriminating key, and the other variants. */
interface Variant {
  key: string;
  values: unknown[];
  siblings: Json[];
}

interface Context {
  spec: Json;
  flavour: Flavour;
  helpers: Helpers;
  /** The component objects that are variants of a discriminated union, by component name. */
  variants: Map<string, Variant>;
}

const literal = (value: unknown) => JSON.stringify(value);
const orList = (values: readonly unknown[]) =>
  values.length <= 1
    ? String(values[0])
    : `${values.slice(0, -1).map(String).join(', ')} or ${String(values.at(-1))}`;
const allowed = (values: readonly unknown[]) =>
  values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.map(String).join(', ')}`;
const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

function use(context: Context, module: keyof Helpers, name: string): string {
  context.helpers[module].add(name);
  return name;
}

/** `{ error: ... }` with a fixed message, or one built by a helper of messages.ts. */
function error(context: Context, message: string, helper?: 'expected' | 'rule', extra = ''): string {
  const text = helper ? `${use(context, 'messages.ts', helper)}(${literal(message)})` : literal(message);
  return `{ error: ${text}${extra} }`;
}

function kindOf(schema: Json, where: string): string {
  if (schema.$ref !== undefined) return '$ref';
  if (schema.oneOf !== undefined || schema.anyOf !== undefined) return 'union';
  if (schema.enum !== undefined || schema.const !== undefined) return 'constant';
  if (typeof schema.type === 'string' && schema.type in typeNames) return schema.type;
  throw new Error(`${where}: no zod schema for type ${JSON.stringify(schema.type)}`);
}

/** Stops on a keyword the generator would otherwise ignore, so that no rule of the spec is lost silently. */
function checkKeywords(schema: Json, kind: string, where: string): void {
  const known = keywordsByKind[kind] ?? [];
  for (const key of Object.keys(schema)) {
    if (!known.includes(key) && !annotations.has(key) && !key.startsWith('x-'))
      throw new Error(`${where}: the zod generator does not support "${key}" on a ${kind} schema`);
  }
  const format = schema.format;
  if (format !== undefined && !formats[String(schema.type)]?.includes(String(format)))
    throw new Error(`${where}: the zod generator does not support format "${String(format)}"`);
}

/** The constants a schema allows (`const`, or an `enum`), or undefined when it allows others. */
function constantsOf(spec: Json, schema: Json): unknown[] | undefined {
  const target = deref(spec, schema);
  if (target.const !== undefined) return [target.const];
  return Array.isArray(target.enum) ? target.enum : undefined;
}

const unionMembers = (schema: Json): Json[] =>
  ((schema.oneOf ?? schema.anyOf) as unknown[] | undefined)?.filter(isJson) ?? [];

/** What a union's variant allows at `key`: its constants there, and whether it may omit the key. */
interface Tag {
  values: unknown[];
  optional: boolean;
}

function tagOf(spec: Json, variant: Json, key: string): Tag | undefined {
  const schema = deref(spec, variant);
  const members = unionMembers(schema);
  if (members.length > 0) {
    if (discriminatorOf(spec, members) === undefined) return undefined;
    const tags = members.map((member) => tagOf(spec, member, key));
    if (!tags.every((tag) => tag !== undefined)) return undefined;
    return {
      values: [...new Set(tags.flatMap((tag) => tag.values))],
      optional: tags.some((tag) => tag.optional),
    };
  }
  const property = isJson(schema.properties) ? schema.properties[key] : undefined;
  const values = isJson(property) ? constantsOf(spec, property) : undefined;
  const required = Array.isArray(schema.required) && schema.required.includes(key);
  return values && { values, optional: !required };
}

function propertyNames(spec: Json, variants: readonly Json[]): string[] {
  return variants.flatMap((variant) => {
    const schema = deref(spec, variant);
    const members = unionMembers(schema);
    if (members.length > 0) return propertyNames(spec, members);
    return Object.keys(isJson(schema.properties) ? schema.properties : {});
  });
}

/**
 * The first property that tells a union's variants apart: every variant allows only constants there, no
 * constant in two variants, and at most one variant may omit it (zod picks that one for a body without
 * it). Exactly the bodies one variant accepts pass, as with `oneOf`, and zod reports the issues of the one
 * variant the body chose.
 */
export function discriminatorOf(spec: Json, variants: readonly Json[]): string | undefined {
  return [...new Set(propertyNames(spec, variants))].find((key) => {
    const tags = variants.map((variant) => tagOf(spec, variant, key));
    if (!tags.every((tag) => tag !== undefined)) return false;
    const values = tags.flatMap((tag) => tag.values);
    return new Set(values).size === values.length && tags.filter((tag) => tag.optional).length <= 1;
  });
}

/** The component objects that are variants of a discriminated union, with what tells them apart. */
function findVariants(spec: Json, components: Json): Map<string, Variant> {
  const variants = new Map<string, Variant>();
  for (const schema of Object.values(components).filter(isJson)) {
    const members = unionMembers(schema);
    const key = discriminatorOf(spec, members);
    if (key === undefined) continue;
    for (const member of members) {
      const name = schemaName(member);
      const tag = tagOf(spec, member, key);
      if (name === undefined || tag === undefined) continue;
      const siblings = members.filter((other) => other !== member).map((other) => deref(spec, other));
      variants.set(name, { key, values: tag.values, siblings });
    }
  }
  return variants;
}

function stringSchema(context: Context, schema: Json): string {
  const checks: string[] = [];
  const { minLength, maxLength, pattern, format } = schema as Record<string, unknown>;
  // A length rule quotes the value it rejects (shortened), except the empty string.
  const size = (words: string, n: number) =>
    error(context, `must be ${words} ${count(n, 'character')}`, 'rule');
  if (typeof minLength === 'number' && minLength === maxLength) {
    checks.push(`z.length(${minLength}, ${size('exactly', minLength)})`);
  } else {
    if (typeof minLength === 'number' && minLength > 0) {
      const message = minLength === 1 ? error(context, 'must not be empty') : size('at least', minLength);
      checks.push(`z.minLength(${minLength}, ${message})`);
    }
    if (typeof maxLength === 'number')
      checks.push(`z.maxLength(${maxLength}, ${size('at most', maxLength)})`);
  }
  if (typeof pattern === 'string') {
    const rule = patternRules[pattern];
    if (rule === undefined) throw new Error(`no message for the pattern ${pattern}: add one to patternRules`);
    new RegExp(pattern, 'u'); // throws on a pattern JavaScript cannot run
    const source = pattern.replaceAll(/(?<!\\)\//g, '\\/');
    // `abort`: a value that breaks the pattern is not checked as a URI as well (one issue per problem).
    checks.push(`z.regex(/${source}/u, ${error(context, rule, 'rule', ', abort: true')})`);
  }
  if (format === 'uri') checks.push(use(context, 'checks.ts', 'uri'));
  return withChecks(`z.string(${error(context, typeNames.string as string, 'expected')})`, checks);
}

function numberSchema(context: Context, schema: Json): string {
  const checks: string[] = [];
  const bounds = [
    ['minimum', 'gte', 'at least'],
    ['maximum', 'lte', 'at most'],
    ['exclusiveMinimum', 'gt', 'greater than'],
    ['exclusiveMaximum', 'lt', 'less than'],
  ] as const;
  for (const [keyword, check, words] of bounds) {
    const bound = schema[keyword];
    if (typeof bound === 'number')
      checks.push(`z.${check}(${bound}, ${error(context, `must be ${words} ${bound}`, 'rule')})`);
  }
  if (schema.type === 'integer') checks.unshift(use(context, 'checks.ts', 'integer'));
  return withChecks(
    `z.number(${error(context, typeNames[String(schema.type)] as string, 'expected')})`,
    checks,
  );
}

function arraySchema(context: Context, schema: Json, where: string): string {
  if (!isJson(schema.items)) throw new Error(`${where}: an array needs one "items" schema`);
  const checks: string[] = [];
  const { minItems = 0, maxItems } = schema as { minItems?: number; maxItems?: number };
  const words =
    minItems === maxItems
      ? `exactly ${count(minItems, 'item')}`
      : maxItems === undefined
        ? `at least ${count(minItems, 'item')}`
        : minItems === 0
          ? `at most ${count(maxItems, 'item')}`
          : `${minItems} to ${count(maxItems, 'item')}`;
  if (minItems > 0 || maxItems !== undefined) {
    const check = use(context, 'checks.ts', 'itemCount');
    checks.push(`${check}(${minItems}, ${maxItems ?? 'Infinity'}, ${literal(`must have ${words}`)})`);
  }
  const items = expression(context, schema.items, `${where}[]`);
  return withChecks(`z.array(${items}, ${error(context, 'an array', 'expected')})`, checks);
}

/**
 * Closed objects (`additionalProperties: false`, the requests) reject unknown keys; open ones (the
 * responses) keep fields the provider adds later. Optional properties are `z.exactOptional`: they infer
 * `key?: T` like the spec's TypeScript types, and a key set to `undefined` (which JSON cannot carry) is
 * rejected rather than read as absent.
 */
function objectSchema(context: Context, schema: Json, where: string, variant?: Variant): string {
  const {
    properties = {},
    required = [],
    additionalProperties,
  } = schema as {
    properties?: Record<string, Json>;
    required?: string[];
    additionalProperties?: unknown;
  };
  if (additionalProperties !== undefined && typeof additionalProperties !== 'boolean')
    throw new Error(`${where}: the zod generator supports additionalProperties true or false only`);
  const shape = Object.entries(properties).map(([name, property]) => {
    const value = expression(
      context,
      property,
      `${where}.${name}`,
      qualifier(context, name, property, variant),
    );
    return `${JSON.stringify(name)}: ${required.includes(name) ? value : `z.exactOptional(${value})`}`;
  });
  const base = additionalProperties === false ? 'strictObject' : 'looseObject';
  return `z.${base}({ ${shape.join(', ')} }, ${error(context, typeNames.object as string, 'expected')})`;
}

/**
 * ` for 480p` when a property of a union's variant allows other constants in a sibling variant, as
 * `aspect_ratio` does in the text-to-video variants: the message says which variant's rule it is.
 */
function qualifier(context: Context, name: string, property: Json, variant?: Variant): string {
  if (!variant || name === variant.key || property.$ref !== undefined) return '';
  const own = JSON.stringify(constantsOf(context.spec, property));
  const differs = variant.siblings.some((sibling) => {
    const other = isJson(sibling.properties) ? sibling.properties[name] : undefined;
    return isJson(other) && JSON.stringify(constantsOf(context.spec, other)) !== own;
  });
  return differs && own !== undefined ? ` for ${orList(variant.values)}` : '';
}

function constantSchema(context: Context, schema: Json, where: string, qualified: string): string {
  const values = constantsOf(context.spec, schema) ?? [];
  if (values.length === 0) throw new Error(`${where}: an empty enum allows nothing`);
  const message = error(context, `${allowed(values)}${qualified}`, 'rule');
  if (
    context.flavour === 'classic' &&
    values.length > 1 &&
    values.every((value) => typeof value === 'string')
  )
    return `z.enum(${literal(values)}, ${message})`;
  return `z.literal(${literal(values.length === 1 ? values[0] : values)}, ${message})`;
}

function unionSchema(context: Context, schema: Json, where: string): string {
  const members = unionMembers(schema);
  const key = discriminatorOf(context.spec, members);
  if (key === undefined && members.every((member) => scalarKind(context.spec, member) !== undefined)) {
    // Scalars: one issue at the union's place ("must be one of A, B or a string"), whatever the branches say.
    const kinds = members.map((member) => scalarKind(context.spec, member));
    const options = members.map((member, index) => expression(context, member, `${where}[${index}]`));
    return `z.union([${options.join(', ')}], ${error(context, orList(kinds), 'expected')})`;
  }
  if (key === undefined)
    throw new Error(
      `${where}: no property tells the variants of this union apart; zod would report every variant's issues`,
    );
  const values = members.flatMap((member) => tagOf(context.spec, member, key)?.values ?? []);
  const options = members.map((member, index) => expression(context, member, `${where}[${index}]`));
  const message = `${use(context, 'messages.ts', 'discriminated')}(${literal(key)}, ${literal(allowed(values))})`;
  return `z.discriminatedUnion(${literal(key)}, [${options.join(', ')}], { error: ${message} })`;
}

/** `a string`, `one of A, B`: what a scalar schema allows, or undefined for objects, arrays and unions. */
function scalarKind(spec: Json, schema: Json): string | undefined {
  const target = deref(spec, schema);
  const values = constantsOf(spec, target);
  if (values) return values.length === 1 ? String(values[0]) : `one of ${values.map(String).join(', ')}`;
  const type = String(target.type);
  return ['string', 'integer', 'number', 'boolean'].includes(type) ? typeNames[type] : undefined;
}

function withChecks(base: string, checks: readonly string[]): string {
  return checks.length === 0 ? base : `${base}.check(${checks.join(', ')})`;
}

function expression(
  context: Context,
  schema: unknown,
  where: string,
  qualified = '',
  variant?: Variant,
): string {
  if (!isJson(schema)) throw new Error(`${where}: a schema must be an object`);
  const kind = kindOf(schema, where);
  checkKeywords(schema, kind, where);
  switch (kind) {
    case '$ref': {
      const name = schemaName(schema);
      if (name === undefined) throw new Error(`${where}: only #/components/schemas references are supported`);
      return `${name}Schema`;
    }
    case 'union':
      return unionSchema(context, schema, where);
    case 'constant':
      return constantSchema(context, schema, where, qualified);
    case 'string':
      return stringSchema(context, schema);
    case 'integer':
    case 'number':
      return numberSchema(context, schema);
    case 'boolean':
      return `z.boolean(${error(context, typeNames.boolean as string, 'expected')})`;
    case 'object':
      return objectSchema(context, schema, where, variant);
    default:
      return arraySchema(context, schema, where);
  }
}

/** The component names in an order where each comes after every component it references. */
function dependencyOrder(components: Json): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const references = (node: unknown): string[] => {
    if (Array.isArray(node)) return node.flatMap(references);
    if (!isJson(node)) return [];
    const name = schemaName(node);
    return name !== undefined ? [name] : Object.values(node).flatMap(references);
  };
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`component ${name} references itself`);
    if (!isJson(components[name])) throw new Error(`no component schema ${name}`);
    state.set(name, 'visiting');
    for (const reference of references(components[name])) visit(reference);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(components)) visit(name);
  return order;
}

function docComment(description: unknown): string {
  if (typeof description !== 'string' || description.trim() === '') return '';
  const lines = description.trim().replaceAll('*/', '*\\/').split('\n');
  return `/**\n${lines.map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n`;
}

/** The zod statements for every schema under `components.schemas` of a bundled OpenAPI 3.1 document. */
export function zodModule(spec: Json, flavour: Flavour): ZodModule {
  const components =
    isJson(spec.components) && isJson(spec.components.schemas) ? spec.components.schemas : {};
  const context: Context = {
    spec,
    flavour,
    helpers: { 'checks.ts': new Set(), 'messages.ts': new Set() },
    variants: findVariants(spec, components),
  };
  const statements = dependencyOrder(components).map((name) => {
    const schema = components[name] as Json;
    const value = expression(context, schema, name, '', context.variants.get(name));
    // One pure call each, so that a bundler drops every schema the app does not use: it cannot tell on its
    // own that `.check()` or a message helper has no side effects. A reference to another schema is kept.
    const initializer = /^\w+$/.test(value) ? value : `/* @__PURE__ */ (() => ${value})()`;
    return `${docComment(schema.description)}export const ${name}Schema = ${initializer};`;
  });
  return { statements: statements.join('\n\n'), helpers: context.helpers };
}
