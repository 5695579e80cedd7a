import { describe, expect, it } from 'vitest';
import { lessons } from '@/lib/lessons';
import { lessonRunSlugs } from './with-lesson-run';

describe('WithLessonRun', () => {
  it('loads a run for every lesson, in lesson order', () => {
    expect(lessonRunSlugs).toEqual(lessons.map((l) => l.slug));
  });
});
