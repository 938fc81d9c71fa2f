import { requestVectors, specValidator, statusVectors } from '@wan25/test-utils';
import { GenerateTaskRequestSchema, TaskStatusResponseSchema } from '@wan25/zod';
import type { Fn } from 'tinybench';
import { median, medianLatencies, medianRatio } from './measure.ts';
import type { Section } from './report.ts';

/** Calls per timed iteration: one safeParse is well under a microsecond's timer granularity. */
const batch = 200;

interface Case {
  schema: 'GenerateTaskRequest' | 'TaskStatusResponse';
  vector: string;
  valid: boolean;
  body: unknown;
}

// A valid and an invalid body of each input mode, and of each task state.
const requestCases = ['t2v-seed-doc-body', '480p-4x3', 'i2v-seed-doc-body', 'i2v-no-image'];
const statusCases = [
  'processing-doc',
  'success-doc',
  'success-no-resultjson',
  'failed-doc',
  'failed-no-failcode',
];

function cases(): Case[] {
  const pick = (schema: Case['schema'], ids: string[], vectors: typeof requestVectors) =>
    ids.map((id) => {
      const vector = vectors.find((candidate) => candidate.id === id);
      if (!vector) throw new Error(`no ${schema} vector ${id}`);
      return { schema, vector: id, valid: vector.valid, body: vector.body };
    });
  return [
    ...pick('GenerateTaskRequest', requestCases, requestVectors),
    ...pick('TaskStatusResponse', statusCases, statusVectors),
  ];
}

const zodSchemas = {
  GenerateTaskRequest: GenerateTaskRequestSchema,
  TaskStatusResponse: TaskStatusResponseSchema,
};

function repeated(name: string, check: (body: unknown) => boolean, body: unknown, expected: boolean): Fn {
  if (check(body) !== expected)
    throw new Error(`${name}: the verdict differs from the vector's (${expected})`);
  return () => {
    for (let i = 0; i < batch; i++) check(body);
  };
}

interface ValidationRow {
  schema: string;
  vector: string;
  valid: boolean;
  zodOpsPerSecond: number;
  ajvOpsPerSecond: number;
  /** zod time / Ajv time: how many times slower zod is. */
  zodToAjvTime: number;
}

/** zod safeParse against Ajv compiled from the bundled spec, body by body. */
export async function measureValidation(): Promise<Section> {
  const tasks: Record<string, Fn> = {};
  const all = cases();
  for (const { schema, vector, valid, body } of all) {
    const ajv = specValidator(schema);
    tasks[`zod ${vector}`] = repeated(
      `zod ${vector}`,
      (value) => zodSchemas[schema].safeParse(value).success,
      body,
      valid,
    );
    tasks[`ajv ${vector}`] = repeated(`ajv ${vector}`, (value) => ajv(value), body, valid);
  }
  const medians = await medianLatencies(tasks, { rounds: 3, timeMs: 150 });
  const opsPerSecond = (name: string) => (batch * 1000) / median(medians[name] ?? []);
  const rows: ValidationRow[] = all.map(({ schema, vector, valid }) => ({
    schema,
    vector,
    valid,
    zodOpsPerSecond: opsPerSecond(`zod ${vector}`),
    ajvOpsPerSecond: opsPerSecond(`ajv ${vector}`),
    zodToAjvTime: medianRatio(medians[`zod ${vector}`] ?? [], medians[`ajv ${vector}`] ?? []),
  }));
  const ops = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
  return {
    key: 'validation',
    title: '2. Validation: zod safeParse vs Ajv compiled from the bundled spec (ops/s, median)',
    head: ['schema', 'body', 'verdict', 'zod', 'Ajv', 'zod time / Ajv time'],
    rows: rows.map((row) => [
      row.schema,
      row.vector,
      row.valid ? 'valid' : 'invalid',
      ops(row.zodOpsPerSecond),
      ops(row.ajvOpsPerSecond),
      `${row.zodToAjvTime.toFixed(2)}x`,
    ]),
    notes: ['Ajv runs with `allErrors: true` (as `specValidator` builds it), so both collect every issue.'],
    data: rows,
    checks: [],
  };
}
