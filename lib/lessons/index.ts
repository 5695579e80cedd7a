import { lesson as clientCredentials } from './client-credentials';
import { lesson as privateKeyJwt } from './client-credentials-private-key-jwt';
import type { Lesson } from './types';

/** The shape of a lesson (re-exported from the lesson types). */
export type { Lesson } from './types';

/** Every lesson FlowLab teaches, in the order the home page lists them. */
export const lessons: readonly Lesson[] = [clientCredentials, privateKeyJwt];

/** The lesson with this URL slug, or undefined. */
export function getLesson(slug: string): Lesson | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** The lesson with this slug, for a view handed a slug its page already checked (throws otherwise). */
export function requireLesson(slug: string): Lesson {
  const lesson = getLesson(slug);
  if (!lesson) throw new Error(`No lesson "${slug}".`);
  return lesson;
}

/**
 * The number of each of a lesson's steps, by the step's id: all a view needs of the steps to
 * link to one (the practice set hands this to the browser instead of every step's content).
 */
export function stepNumbers(lesson: Pick<Lesson, 'steps'>): Readonly<Record<string, number>> {
  return Object.fromEntries(lesson.steps.map((s) => [s.id, s.number]));
}
