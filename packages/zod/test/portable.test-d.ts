import type { FailCode } from '@wan25/types';
import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import type { TaskStatusResponseSchema } from '../src/index.ts';

type ParsedTask = z.output<typeof TaskStatusResponseSchema>['data'];

describe('the zod output for the portable constructs of the spec', () => {
  it('keeps the format: int64 epoch-millisecond times as numbers', () => {
    expectTypeOf<ParsedTask['createTime']>().toEqualTypeOf<number>();
    expectTypeOf<z.input<typeof TaskStatusResponseSchema>['data']['createTime']>().toEqualTypeOf<number>();
    type Succeeded = Required<Extract<ParsedTask, { state: 'success' }>>;
    expectTypeOf<Succeeded['completeTime']>().toEqualTypeOf<number>();
    expectTypeOf<Succeeded['costTime']>().toEqualTypeOf<number>();
    expectTypeOf<
      Required<Extract<ParsedTask, { state: 'failed' }>>['completeTime']
    >().toEqualTypeOf<number>();
  });

  it('parses failCode as any string, assignable to and from FailCode', () => {
    type ParsedFailCode = Extract<ParsedTask, { state: 'failed' }>['failCode'];
    expectTypeOf<ParsedFailCode>().toExtend<FailCode>();
    expectTypeOf<FailCode>().toExtend<ParsedFailCode>();
  });
});
