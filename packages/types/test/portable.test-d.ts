import { describe, expectTypeOf, it } from 'vitest';
import type {
  FailCode,
  FailedTask,
  KnownFailCode,
  SucceededTask,
  Task,
  TaskStatusResponse,
} from '../src/index.ts';

describe('epoch-millisecond times (format: int64 in the spec)', () => {
  it('are numbers, not bigints or strings', () => {
    expectTypeOf<Task['createTime']>().toEqualTypeOf<number>();
    expectTypeOf<TaskStatusResponse['data']['createTime']>().toEqualTypeOf<number>();
    expectTypeOf<Required<SucceededTask>['completeTime']>().toEqualTypeOf<number>();
    expectTypeOf<Required<SucceededTask>['costTime']>().toEqualTypeOf<number>();
    expectTypeOf<Required<FailedTask>['completeTime']>().toEqualTypeOf<number>();
  });
});

describe('FailCode (a plain string in the spec, its known values documented)', () => {
  it('lists the documented codes', () => {
    expectTypeOf<KnownFailCode>().toEqualTypeOf<
      'CONTENT_VIOLATION' | 'INVALID_IMAGE_URL' | 'INVALID_PARAMETER' | 'INSUFFICIENT_BALANCE' | 'TIMEOUT'
    >();
  });

  it('keeps the known codes in the union, so editors offer them (a plain `string` would swallow them)', () => {
    expectTypeOf<FailCode>().not.toEqualTypeOf<string>();
    expectTypeOf<Extract<FailCode, KnownFailCode>>().toEqualTypeOf<KnownFailCode>();
    expectTypeOf<Extract<FailedTask['failCode'], KnownFailCode>>().toEqualTypeOf<KnownFailCode>();
  });

  it('accepts any other string, so a code the provider adds later still type-checks', () => {
    const failed: FailedTask = { taskId: 't', state: 'failed', createTime: 1, failCode: 'MODEL_OVERLOADED' };
    expectTypeOf(failed.failCode).toEqualTypeOf<FailCode>();
    expectTypeOf<string>().toExtend<FailedTask['failCode']>();
    expectTypeOf<FailedTask['failCode']>().toExtend<string>();
  });
});
