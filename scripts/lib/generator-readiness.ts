// What client generators in other languages need from the spec to emit a clean, named API: one
// self-contained document, an operationId on every operation, and a named schema for every body and
// every object (an inline object becomes `InlineResponse200`, `Data1`, ... or a plain map).
import { bodies, isJson, type Json, operations, resolvePointer, schemaName } from './openapi.ts';

const schemaMaps = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const schemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const singleSchemas = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'contentSchema',
];
// Example values are data, not spec: a key named `properties` or `$ref` in them means nothing.
const exampleKeys = new Set(['example', 'examples']);

function* walk(node: unknown, pointer: string): Generator<[string, Json]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* walk(item, `${pointer}/${i}`);
  } else if (isJson(node)) {
    yield [pointer, node];
    for (const [key, value] of Object.entries(node)) {
      if (!exampleKeys.has(key))
        yield* walk(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  }
}

function refProblems(spec: Json): string[] {
  return [...walk(spec, '#')].flatMap(([pointer, node]) => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return [];
    if (!ref.startsWith('#/')) return [`${pointer}: $ref "${ref}" leaves the document; bundle it in`];
    return resolvePointer(spec, ref) === undefined ? [`${pointer}: $ref "${ref}" points to nothing`] : [];
  });
}

function operationIdProblems(spec: Json): string[] {
  const seen = new Map<string, string>();
  return [...operations(spec)].flatMap(({ where, operation }) => {
    const id = operation.operationId;
    if (typeof id !== 'string' || id === '') return [`${where}: needs an operationId`];
    const first = seen.get(id);
    seen.set(id, first ?? where);
    return first === undefined ? [] : [`${where}: operationId "${id}" is already used by ${first}`];
  });
}

function bodyProblems(spec: Json): string[] {
  return [...bodies(spec)].flatMap(({ where, mediaType }) =>
    schemaName(mediaType.schema) === undefined
      ? [`${where}: the body schema must be a $ref to a named schema under components/schemas`]
      : [],
  );
}

const isObjectSchema = (schema: Json) =>
  schema.type === 'object' ||
  (Array.isArray(schema.type) && schema.type.includes('object')) ||
  'properties' in schema ||
  'patternProperties' in schema;

function* subschemas(schema: Json, pointer: string): Generator<[string, Json]> {
  for (const key of schemaMaps) {
    const map = schema[key];
    if (!isJson(map)) continue;
    for (const [name, sub] of Object.entries(map)) if (isJson(sub)) yield [`${pointer}/${key}/${name}`, sub];
  }
  for (const key of schemaLists) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    for (const [i, sub] of list.entries()) if (isJson(sub)) yield [`${pointer}/${key}/${i}`, sub];
  }
  for (const key of singleSchemas) {
    const sub = schema[key];
    if (isJson(sub)) yield [`${pointer}/${key}`, sub];
  }
}

function* inlineObjects(schema: Json, pointer: string, named: boolean): Generator<string> {
  if (!named && isObjectSchema(schema)) yield pointer;
  for (const [subPointer, sub] of subschemas(schema, pointer)) yield* inlineObjects(sub, subPointer, false);
}

function inlineObjectProblems(spec: Json): string[] {
  const components = isJson(spec.components) ? spec.components : {};
  const named = Object.entries(isJson(components.schemas) ? components.schemas : {}).flatMap(
    ([name, schema]) =>
      isJson(schema) ? [...inlineObjects(schema, `#/components/schemas/${name}`, true)] : [],
  );
  // Every other place a schema can sit: parameters, headers and media types, in paths, webhooks,
  // callbacks and components alike.
  const elsewhere = [...walk(spec, '#')].flatMap(([pointer, node]) =>
    pointer.startsWith('#/components/schemas') || !isJson(node.schema)
      ? []
      : [...inlineObjects(node.schema, `${pointer}/schema`, false)],
  );
  return [...named, ...elsewhere].map(
    (pointer) => `${pointer}: inline anonymous object schema; name it under components/schemas and $ref it`,
  );
}

/** Every reason the document is not ready for other-language generators; empty when it is. */
export function generatorReadinessProblems(spec: Json): string[] {
  return [
    ...refProblems(spec),
    ...operationIdProblems(spec),
    ...bodyProblems(spec),
    ...inlineObjectProblems(spec),
  ];
}
