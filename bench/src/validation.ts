import { requestVectors, specValidator, statusVectors } from '@wan25/test-utils';
import * as classic from '@wan25/zod';
import * as mini from '@wan25/zod/mini';
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

/** The same generated schemas in both flavours of `@wan25/zod`. */
const flavours = { classic, mini };
type Flavour = keyof typeof flavours;
const schemaOf = (flavour: Flavour, schema: Case['schema']) => flavours[flavour][`${schema}Schema`];

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
  classicOpsPerSecond: number;
  miniOpsPerSecond: number;
  ajvOpsPerSecond: number;
  /** zod time / Ajv time: how many times slower zod is. */
  classicToAjvTime: number;
  miniToAjvTime: number;
  miniToClassicTime: number;
}

/** zod safeParse, classic and mini, against Ajv compiled from the bundled spec, body by body. */
export async function measureValidation(): Promise<Section> {
  const tasks: Record<string, Fn> = {};
  const all = cases();
  for (const { schema, vector, valid, body } of all) {
    for (const flavour of Object.keys(flavours) as Flavour[]) {
      const zod = schemaOf(flavour, schema);
      const name = `${flavour} ${vector}`;
      tasks[name] = repeated(name, (value) => zod.safeParse(value).success, body, valid);
    }
    const ajv = specValidator(schema);
    tasks[`ajv ${vector}`] = repeated(`ajv ${vector}`, (value) => ajv(value), body, valid);
  }
  const medians = await medianLatencies(tasks, { rounds: 3, timeMs: 150 });
  const of = (name: string) => medians[name] ?? [];
  const opsPerSecond = (name: string) => (batch * 1000) / median(of(name));
  const rows: ValidationRow[] = all.map(({ schema, vector, valid }) => ({
    schema,
    vector,
    valid,
    classicOpsPerSecond: opsPerSecond(`classic ${vector}`),
    miniOpsPerSecond: opsPerSecond(`mini ${vector}`),
    ajvOpsPerSecond: opsPerSecond(`ajv ${vector}`),
    classicToAjvTime: medianRatio(of(`classic ${vector}`), of(`ajv ${vector}`)),
    miniToAjvTime: medianRatio(of(`mini ${vector}`), of(`ajv ${vector}`)),
    miniToClassicTime: medianRatio(of(`mini ${vector}`), of(`classic ${vector}`)),
  }));
  const miniToClassic = median(rows.map((row) => row.miniToClassicTime));
  const ops = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
  const times = (value: number) => `${value.toFixed(2)}x`;
  return {
    key: 'validation',
    title:
      '2. Validation: zod safeParse (classic and mini) vs Ajv compiled from the bundled spec (ops/s, median)',
    head: ['schema', 'body', 'verdict', 'classic', 'mini', 'Ajv', 'classic / Ajv time', 'mini / Ajv time'],
    rows: rows.map((row) => [
      row.schema,
      row.vector,
      row.valid ? 'valid' : 'invalid',
      ops(row.classicOpsPerSecond),
      ops(row.miniOpsPerSecond),
      ops(row.ajvOpsPerSecond),
      times(row.classicToAjvTime),
      times(row.miniToAjvTime),
    ]),
    notes: [
      'Ajv runs with `allErrors: true` (as `specValidator` builds it), so all three collect every issue.',
      `mini time / classic time, median over the bodies: ${times(miniToClassic)}. Classic zod compiles a ` +
        'parser per object at run time (`new Function`); zod/mini does not (smaller, and allowed under a strict ' +
        'Content Security Policy), so it parses objects more slowly. The client validates with mini; section 1 ' +
        'shows what validation adds to a whole request.',
    ],
    data: rows,
    checks: [],
  };
}
