import { describe, expect, it } from 'vitest';
import { lessons } from '@/lib/lessons';
import { lessonPracticeSlugs } from './with-lesson-practice';
import { lessonRunSlugs } from './with-lesson-run';

describe('the lesson parts the browser loads', () => {
  it('loads a run for every lesson, in lesson order', () => {
    expect(lessonRunSlugs).toEqual(lessons.map((l) => l.slug));
  });

  it('loads the practice questions of every lesson, in lesson order', () => {
    expect(lessonPracticeSlugs).toEqual(lessons.map((l) => l.slug));
  });
});
