// Walks an OpenAPI 3.1 document: its operations (paths, webhooks and callbacks), bodies and examples.
export type Json = Record<string, unknown>;

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const schemaRefPrefix = '#/components/schemas/';

export const isJson = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node a local `$ref` (`#/a/b`) points to, or undefined. */
export function resolvePointer(spec: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((token) => decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (isJson(node) ? node[key] : undefined), spec);
}

/** Follows `$ref`s until a node that is not a reference. */
export function deref(spec: Json, node: unknown): Json {
  let current = node;
  for (let hops = 0; isJson(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = resolvePointer(spec, current.$ref);
  }
  if (!isJson(current)) throw new Error('a $ref points to nothing');
  return current;
}

/** The component name of a `#/components/schemas/Name` reference, or undefined. */
export function schemaName(schema: unknown): string | undefined {
  const ref = isJson(schema) ? schema.$ref : undefined;
  return typeof ref === 'string' && ref.startsWith(schemaRefPrefix)
    ? ref.slice(schemaRefPrefix.length)
    : undefined;
}

export interface OperationSite {
  /** e.g. `POST /generateTask/wan-2-5-video`, `webhook taskFinished POST`. */
  where: string;
  operation: Json;
}

function* pathItemOperations(spec: Json, pathItem: unknown, where: string): Generator<OperationSite> {
  const item = isJson(pathItem) ? deref(spec, pathItem) : {};
  for (const method of httpMethods) {
    const operation = item[method];
    if (!isJson(operation)) continue;
    const site = `${where} ${method.toUpperCase()}`;
    yield { where: site, operation };
    for (const [name, callback] of Object.entries(isJson(operation.callbacks) ? operation.callbacks : {})) {
      for (const [expression, callbackItem] of Object.entries(deref(spec, callback))) {
        yield* pathItemOperations(spec, callbackItem, `${site} callback ${name} ${expression}`);
      }
    }
  }
}

/** Every operation of the document: under paths, webhooks, and the callbacks of both. */
export function* operations(spec: Json): Generator<OperationSite> {
  for (const [path, item] of Object.entries(isJson(spec.paths) ? spec.paths : {})) {
    yield* pathItemOperations(spec, item, path);
  }
  for (const [name, item] of Object.entries(isJson(spec.webhooks) ? spec.webhooks : {})) {
    yield* pathItemOperations(spec, item, `webhook ${name}`);
  }
}

export interface BodySite {
  /** e.g. `POST /generateTask/wan-2-5-video request application/json`. */
  where: string;
  mediaType: Json;
}

/** Every request and response body (media type) of every operation, `$ref`s resolved. */
export function* bodies(spec: Json): Generator<BodySite> {
  const content = (holder: Json): [string, Json][] =>
    Object.entries(isJson(holder.content) ? holder.content : {}).flatMap(([type, media]) =>
      isJson(media) ? [[type, media] as [string, Json]] : [],
    );
  for (const { where, operation } of operations(spec)) {
    if (operation.requestBody !== undefined) {
      for (const [type, mediaType] of content(deref(spec, operation.requestBody))) {
        yield { where: `${where} request ${type}`, mediaType };
      }
    }
    for (const [status, response] of Object.entries(isJson(operation.responses) ? operation.responses : {})) {
      for (const [type, mediaType] of content(deref(spec, response))) {
        yield { where: `${where} ${status} ${type}`, mediaType };
      }
    }
  }
}

export interface ExampleSite {
  /** e.g. `GET /statusTask/wan-2-5-video 200 application/json example "pending"`. */
  where: string;
  /** The component schema of the body the example belongs to. */
  schema: string;
  value: unknown;
}

/** Every named example of every body, with the component schema it must satisfy. */
export function* bodyExamples(spec: Json): Generator<ExampleSite> {
  for (const { where, mediaType } of bodies(spec)) {
    const schema = schemaName(mediaType.schema);
    if (schema === undefined || !isJson(mediaType.examples)) continue;
    for (const [name, example] of Object.entries(mediaType.examples)) {
      yield { where: `${where} example "${name}"`, schema, value: deref(spec, example).value };
    }
  }
}
