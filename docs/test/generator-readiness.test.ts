import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatorReadinessProblems } from '../../scripts/lib/generator-readiness.ts';
import { bodyExamples, type Json, operations } from '../../scripts/lib/openapi.ts';
import { bundledSpecJson } from '../../scripts/lib/workspace.ts';

const bundled: Json = JSON.parse(readFileSync(bundledSpecJson, 'utf8'));
/** The bundled spec with the node at a JSON pointer replaced, or deleted when `value` is undefined. */
function withNode(pointer: string, value: unknown): Json {
  const spec = structuredClone(bundled);
  const keys = pointer
    .slice(2)
    .split('/')
    .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop() as string;
  const parent = keys.reduce(
    (node, key) => node[key] as Record<string, unknown>,
    spec as Record<string, unknown>,
  );
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return spec;
}

describe('the bundled spec is ready for other-language generators', () => {
  it('has no problem', () => {
    expect(generatorReadinessProblems(bundled)).toEqual([]);
  });

  it('walks both operations, the callback and the webhook, and every example', () => {
    expect([...operations(bundled)].map(({ operation }) => operation.operationId)).toEqual([
      'generateTask',
      'taskFinishedCallback',
      'getTaskStatus',
      'taskFinishedWebhook',
    ]);
    // 4 submit bodies + 1 submit answer + 8 status answers + 2 x 9 error answers (8 statuses and `default`)
    // + 2 callback + 2 webhook bodies.
    expect([...bodyExamples(bundled)]).toHaveLength(4 + 1 + 8 + 18 + 2 + 2);
  });
});

describe('the readiness check names each problem', () => {
  const submit = '#/paths/~1generateTask~1wan-2-5-video/post';
  it.each([
    [
      'an external $ref',
      '#/components/schemas/Task/oneOf/4',
      { $ref: 'other.yaml#/Task' },
      '#/components/schemas/Task/oneOf/4: $ref "other.yaml#/Task" leaves the document; bundle it in',
    ],
    [
      'a dangling $ref',
      '#/components/schemas/Task/oneOf/0',
      { $ref: '#/components/schemas/Gone' },
      '#/components/schemas/Task/oneOf/0: $ref "#/components/schemas/Gone" points to nothing',
    ],
    [
      'a missing operationId',
      '#/paths/~1statusTask~1wan-2-5-video/get/operationId',
      undefined,
      '/statusTask/wan-2-5-video GET: needs an operationId',
    ],
    [
      'a duplicate operationId',
      '#/webhooks/taskFinished/post/operationId',
      'generateTask',
      'webhook taskFinished POST: operationId "generateTask" is already used by /generateTask/wan-2-5-video POST',
    ],
    [
      'an anonymous response body',
      '#/components/responses/BadRequest/content/application~1json/schema',
      { type: 'string' },
      '/generateTask/wan-2-5-video POST 400 application/json: the body schema must be a $ref to a named schema under components/schemas',
    ],
    [
      'an inline object in a named schema',
      '#/components/schemas/ErrorResponse/properties/details',
      { type: 'object' },
      '#/components/schemas/ErrorResponse/properties/details: inline anonymous object schema; name it under components/schemas and $ref it',
    ],
    [
      'an inline object as a request body',
      `${submit}/requestBody/content/application~1json/schema`,
      { properties: { prompt: { type: 'string' } } },
      `${submit}/requestBody/content/application~1json/schema: inline anonymous object schema; name it under components/schemas and $ref it`,
    ],
  ])('%s', (_name, pointer, value, problem) => {
    expect(generatorReadinessProblems(withNode(pointer, value))).toContain(problem);
  });
});
