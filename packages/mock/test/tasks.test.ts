import { describe, expect, it } from 'vitest';
import { describeTask, exampleAt, localResultJson, TaskBook } from '../src/tasks.ts';

describe('a task on the mock clock', () => {
  const book = new TaskBook(10);

  it('is pending for the first half of its time, processing for the second, then its outcome', () => {
    const task = book.create('failedTimeout', undefined, 1_000);
    expect(task.completesAt).toBe(11_000);
    expect([1_000, 5_999, 6_000, 10_999, 11_000, 99_000].map((now) => exampleAt(task, now))).toEqual([
      'pending',
      'pending',
      'processing',
      'processing',
      'failedTimeout',
      'failedTimeout',
    ]);
  });

  it('stays where an outcome of pending or processing leaves it', () => {
    const pending = book.create('pending', undefined, 0);
    const processing = book.create('processing', undefined, 0);
    expect([0, 6_000, 99_000].map((now) => exampleAt(pending, now))).toEqual([
      'pending',
      'pending',
      'pending',
    ]);
    expect([0, 6_000, 99_000].map((now) => exampleAt(processing, now))).toEqual([
      'pending',
      'processing',
      'processing',
    ]);
  });

  it('gets a fresh id each time and is found by it', () => {
    const [a, b] = [book.create('success', undefined), book.create('success', 'https://127.0.0.1/hook')];
    expect(a.taskId).not.toBe(b.taskId);
    expect(book.get(b.taskId)).toBe(b);
    expect(book.get('task_12345678')).toBeUndefined();
  });

  it('fills in only the times the example has, and moves result URLs to the mock', () => {
    const task = book.create('success', undefined, 5_000);
    const described = describeTask(
      task,
      {
        code: 200,
        message: 'success',
        data: {
          taskId: 'task_12345678',
          state: 'success',
          resultJson: '{"resultUrls":["https://file.apixo.ai/video.mp4"]}',
          createTime: 1,
          completeTime: 2,
          costTime: 1,
        },
      },
      'http://127.0.0.1:4010/files',
    );
    expect(described.data).toEqual({
      taskId: task.taskId,
      state: 'success',
      resultJson: JSON.stringify({ resultUrls: [`http://127.0.0.1:4010/files/${task.taskId}/video.mp4`] }),
      createTime: 5_000,
      completeTime: 15_000,
      costTime: 10_000,
    });
    const pending = describeTask(
      task,
      { code: 200, message: 'success', data: { taskId: 't', state: 'pending', createTime: 1 } },
      '',
    );
    expect(pending.data).toEqual({ taskId: task.taskId, state: 'pending', createTime: 5_000 });
  });

  it('keeps resultJson that holds no URL list as it is', () => {
    expect(localResultJson('{"other":1}', 'http://mock/files')).toBe('{"other":1}');
  });
});
