import type { Lesson, PracticeQuestion } from '@/lib/lessons/types';

/** The little of a lesson its progress widget needs: ids to score against, and step titles. */
export interface ProgressLesson {
  readonly slug: string;
  readonly title: string;
  readonly practice: readonly Pick<PracticeQuestion, 'id' | 'difficulty'>[];
  readonly visualQuiz: readonly { readonly id: string }[];
  readonly steps: readonly { readonly number: number; readonly title: string }[];
  /** Each scenario's title by id, to name the run to resume. */
  readonly scenarioTitles: Readonly<Record<string, string>>;
}

/**
 * Picks what `LessonProgress` shows from a lesson, on the server, so the page passes a few ids
 * and titles to the client instead of every practice question and quiz template.
 */
export function progressLesson(lesson: Lesson): ProgressLesson {
  return {
    slug: lesson.slug,
    title: lesson.title,
    practice: lesson.practice.map(({ id, difficulty }) => ({ id, difficulty })),
    visualQuiz: (lesson.visualQuiz ?? []).map(({ id }) => ({ id })),
    steps: lesson.steps.map(({ number, title }) => ({ number, title })),
    scenarioTitles: Object.fromEntries(lesson.scenarios.map((s) => [s.id, s.title])),
  };
}
