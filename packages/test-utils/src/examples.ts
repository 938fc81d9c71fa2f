import { bundledSpec } from './spec.ts';

type Json = Record<string, unknown>;

export interface NamedExample {
  name: string;
  value: unknown;
}

/** Follows local `$ref`s (`#/components/...`) in the bundled spec. */
function resolve(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<Json | undefined>((at, key) => at?.[key] as Json | undefined, bundledSpec);
  if (!target) throw new Error(`the bundled spec has nothing at ${ref}`);
  return resolve(target);
}

function examplesOf(mediaType: Json | undefined, where: string): NamedExample[] {
  const examples = mediaType?.examples as Json | undefined;
  if (!examples) throw new Error(`the bundled spec has no application/json examples at ${where}`);
  return Object.entries(examples).map(([name, example]) => ({ name, value: resolve(example as Json).value }));
}

function operation(path: string, method: string): Json {
  const found = ((bundledSpec.paths as Json)[path] as Json | undefined)?.[method] as Json | undefined;
  if (!found) throw new Error(`the bundled spec has no operation ${method.toUpperCase()} ${path}`);
  return found;
}

/** The named request-body examples of an operation, in spec order, e.g. `('/generateTask/wan-2-5-video', 'post')`. */
export function requestExamples(path: string, method: string): NamedExample[] {
  const body = resolve(operation(path, method).requestBody as Json);
  return examplesOf((body.content as Json)['application/json'] as Json, `${method} ${path} request`);
}

/** The named examples of one response of an operation, in spec order (the first is Prism's default). */
export function responseExamples(path: string, method: string, status: string): NamedExample[] {
  const response = resolve((operation(path, method).responses as Json)[status] as Json);
  return examplesOf((response.content as Json)['application/json'] as Json, `${method} ${path} ${status}`);
}

/** The named body examples of a top-level webhook, e.g. `'taskFinished'`. */
export function webhookExamples(name: string): NamedExample[] {
  const webhook = ((bundledSpec.webhooks as Json | undefined)?.[name] as Json | undefined)?.post as
    | Json
    | undefined;
  if (!webhook) throw new Error(`the bundled spec has no webhook ${name}`);
  const body = resolve(webhook.requestBody as Json);
  return examplesOf((body.content as Json)['application/json'] as Json, `webhook ${name}`);
}

/** A named example of a media type, with the place it stands and the schema component it must satisfy. */
export interface PlacedExample {
  where: string;
  component: string;
  value: unknown;
}

/** Every named media-type example anywhere in the spec: bodies of operations, callbacks, webhooks, errors. */
export function mediaTypeExamples(): PlacedExample[] {
  const found: PlacedExample[] = [];
  (function walk(node: unknown, where: string): void {
    if (node === null || typeof node !== 'object') return;
    const media = node as Json;
    const schema = media.schema as Json | undefined;
    if (typeof schema?.$ref === 'string' && media.examples) {
      const component = schema.$ref.replace('#/components/schemas/', '');
      for (const [name, example] of Object.entries(media.examples as Json)) {
        found.push({ where: `${where} ${name}`, component, value: resolve(example as Json).value });
      }
    }
    for (const [key, value] of Object.entries(media)) walk(value, `${where}/${key}`);
  })(bundledSpec, '#');
  return found;
}

/** Every `examples` value of a component schema (`property` '') or of one of its properties. */
export function schemaExamples(): { component: string; property: string; value: unknown }[] {
  const schemas = (bundledSpec.components as Json).schemas as Record<string, Json>;
  const examplesOf = (schema: Json) => (schema.examples as unknown[] | undefined) ?? [];
  return Object.entries(schemas).flatMap(([component, schema]) => [
    ...examplesOf(schema).map((value) => ({ component, property: '', value })),
    ...Object.entries((schema.properties as Record<string, Json> | undefined) ?? {}).flatMap(
      ([property, child]) => examplesOf(child).map((value) => ({ component, property, value })),
    ),
  ]);
}
