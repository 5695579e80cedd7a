import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import { LESSON_RUN_FIELDS, type LessonRun } from './types';

describe('each lesson’s run (<slug>/run.ts)', () => {
  it('holds the very data of its lesson, field by field', async () => {
    for (const lesson of lessons) {
      const { run } = (await import(`./${lesson.slug}/run.ts`)) as { run: LessonRun };
      expect(run.slug).toBe(lesson.slug);
      expect(Object.keys(run).sort()).toEqual(
        LESSON_RUN_FIELDS.filter((f) => lesson[f] !== undefined).sort(),
      );
      for (const field of LESSON_RUN_FIELDS) expect(run[field]).toBe(lesson[field]);
    }
  });
});
