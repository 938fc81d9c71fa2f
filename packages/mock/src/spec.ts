import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TaskStatusResponse } from '@wan25/types';

export const submitPath = '/generateTask/wan-2-5-video';
export const statusPath = '/statusTask/wan-2-5-video';

/** The status envelope as the spec's examples show it; the mock fills in each task's own id and times. */
export type StatusEnvelope = TaskStatusResponse;

export interface MockSpec {
  /** The bundled spec as Prism serves it: without the `callbacks` Prism would deliver itself. */
  forPrism: Json;
  /** The named examples of the status endpoint's 200 answer (`success`, `pending`, `failedTimeout`, ...). */
  statusExamples: ReadonlyMap<string, StatusEnvelope>;
}

type Json = { [key: string]: unknown };

/** Reads the bundled spec from @wan25/spec once per mock. */
export function loadSpec(): MockSpec {
  const path = createRequire(import.meta.url).resolve('@wan25/spec/openapi.json');
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const resolve = (node: unknown): Json => {
    const ref = (node as Json).$ref;
    if (typeof ref !== 'string') return node as Json;
    const pointer = ref.replace(/^#\//, '').split('/');
    return resolve(pointer.reduce<unknown>((at, key) => (at as Json)[key.replaceAll('~1', '/')], spec));
  };
  const at = (node: unknown, ...keys: string[]): Json =>
    keys.reduce((current, key) => {
      const next = resolve(current)[key];
      if (next === undefined) throw new Error(`the bundled spec has no ${keys.join(' > ')}`);
      return next as Json;
    }, node as Json);

  const examples = at(
    spec,
    'paths',
    statusPath,
    'get',
    'responses',
    '200',
    'content',
    'application/json',
    'examples',
  );
  const statusExamples = new Map(
    Object.entries(examples).map(([name, example]) => [name, resolve(example).value as StatusEnvelope]),
  );
  // The mock delivers callbacks itself, only for accepted tasks and only when they end.
  delete at(spec, 'paths', submitPath, 'post').callbacks;
  return { forPrism: spec, statusExamples };
}
