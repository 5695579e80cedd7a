import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import { lessonRuns, requireLessonRun } from './runs';
import { LESSON_RUN_FIELDS } from './types';

describe('lesson runs', () => {
  it('has one run per lesson, in the same order', () => {
    expect(lessonRuns.map((r) => r.slug)).toEqual(lessons.map((l) => l.slug));
  });

  it('holds the very data of its lesson, field by field', () => {
    for (const lesson of lessons) {
      const run = requireLessonRun(lesson.slug);
      expect(Object.keys(run).sort()).toEqual(
        LESSON_RUN_FIELDS.filter((f) => lesson[f] !== undefined).sort(),
      );
      for (const field of LESSON_RUN_FIELDS) expect(run[field]).toBe(lesson[field]);
    }
  });

  it('throws for a slug that is no lesson', () => {
    expect(() => requireLessonRun('no-such-lesson')).toThrow('No lesson "no-such-lesson".');
  });
});
