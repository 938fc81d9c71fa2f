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

type Check = (body: unknown) => boolean;

/** The same generated schemas in both flavours of `@wan25/zod`. */
const flavours = { classic, mini };

/** A check of `schema` by a flavour's safeParse, with these parse options. */
function zodCheck(
  flavour: keyof typeof flavours,
  schema: Case['schema'],
  options?: { jitless: boolean },
): Check {
  const zod = flavours[flavour][`${schema}Schema`];
  return (body) => zod.safeParse(body, options).success;
}

/**
 * How a body is checked: both flavours of `@wan25/zod`; classic with `jitless` (zod's public parse option
 * that skips its compiled object parser), which shows where classic's lead comes from; and Ajv.
 */
const checkers: Record<string, (schema: Case['schema']) => Check> = {
  classic: (schema) => zodCheck('classic', schema),
  'classic jitless': (schema) => zodCheck('classic', schema, { jitless: true }),
  mini: (schema) => zodCheck('mini', schema),
  ajv: (schema) => specValidator(schema),
};

function repeated(name: string, check: Check, body: unknown, expected: boolean): Fn {
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
  classicJitlessOpsPerSecond: number;
  miniOpsPerSecond: number;
  ajvOpsPerSecond: number;
  /** zod time / Ajv time: how many times slower zod is. */
  classicToAjvTime: number;
  miniToAjvTime: number;
  miniToClassicTime: number;
  miniToClassicJitlessTime: number;
}

/** zod safeParse, classic (also jitless) and mini, against Ajv compiled from the bundled spec, body by body. */
export async function measureValidation(): Promise<Section> {
  const tasks: Record<string, Fn> = {};
  const all = cases();
  for (const { schema, vector, valid, body } of all) {
    for (const [checker, checkerOf] of Object.entries(checkers)) {
      const name = `${checker} ${vector}`;
      tasks[name] = repeated(name, checkerOf(schema), body, valid);
    }
  }
  const medians = await medianLatencies(tasks, { rounds: 3, timeMs: 150 });
  const of = (checker: string, vector: string) => medians[`${checker} ${vector}`] ?? [];
  const opsPerSecond = (checker: string, vector: string) => (batch * 1000) / median(of(checker, vector));
  const rows: ValidationRow[] = all.map(({ schema, vector, valid }) => ({
    schema,
    vector,
    valid,
    classicOpsPerSecond: opsPerSecond('classic', vector),
    classicJitlessOpsPerSecond: opsPerSecond('classic jitless', vector),
    miniOpsPerSecond: opsPerSecond('mini', vector),
    ajvOpsPerSecond: opsPerSecond('ajv', vector),
    classicToAjvTime: medianRatio(of('classic', vector), of('ajv', vector)),
    miniToAjvTime: medianRatio(of('mini', vector), of('ajv', vector)),
    miniToClassicTime: medianRatio(of('mini', vector), of('classic', vector)),
    miniToClassicJitlessTime: medianRatio(of('mini', vector), of('classic jitless', vector)),
  }));
  const miniToClassic = median(rows.map((row) => row.miniToClassicTime));
  const miniToClassicJitless = median(rows.map((row) => row.miniToClassicJitlessTime));
  const ops = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
  const times = (value: number) => `${value.toFixed(2)}x`;
  return {
    key: 'validation',
    title:
      '2. Validation: zod safeParse (classic, classic jitless, mini) vs Ajv compiled from the bundled spec (ops/s, median)',
    head: [
      'schema',
      'body',
      'verdict',
      'classic',
      'classic jitless',
      'mini',
      'Ajv',
      'classic / Ajv time',
      'mini / Ajv time',
    ],
    rows: rows.map((row) => [
      row.schema,
      row.vector,
      row.valid ? 'valid' : 'invalid',
      ops(row.classicOpsPerSecond),
      ops(row.classicJitlessOpsPerSecond),
      ops(row.miniOpsPerSecond),
      ops(row.ajvOpsPerSecond),
      times(row.classicToAjvTime),
      times(row.miniToAjvTime),
    ]),
    notes: [
      'Ajv runs with `allErrors: true` (as `specValidator` builds it), so zod and Ajv alike collect every issue.',
      `mini time / classic time, median over the bodies: ${times(miniToClassic)}; mini time / classic jitless ` +
        `time: ${times(miniToClassicJitless)}. The difference is zod's object parser: classic builds objects on ` +
        '`$ZodObjectJIT`, which compiles a parser per object with `new Function`; zod/mini objects interpret ' +
        'their shape, as classic does with `jitless`. Giving the mini schemas the compiled parser would put ' +
        "zod's object compiler into every browser bundle (section 4) and probe `new Function` as the schemas " +
        'load, which a strict Content Security Policy reports. The client validates with mini; section 1 shows ' +
        'what validation adds to a whole request.',
    ],
    data: rows,
    checks: [],
  };
}
