/**
 * The learner's progress as plain data: its shape, its pure updates and the scores derived from
 * it (validation and migration of stored data are in `progress-parse.ts`). No framework here, so
 * every rule is unit-tested without a browser; the zustand store in `progress.ts` is a thin
 * persisted shell over these functions.
 */
import type { Difficulty, PracticeQuestion } from '@/lib/lessons/types';

/** Bump when the stored shape changes, and teach `migrateProgress` the old shape. */
export const PROGRESS_VERSION = 2;

/** The localStorage key progress lives under. */
export const PROGRESS_STORAGE_KEY = 'flowlab-progress';

/** One answered question: the latest choice, whether it was right, and how many tries it took. */
export interface AnswerRecord {
  readonly choice: string;
  readonly correct: boolean;
  readonly attempts: number;
  /** Right on the first attempt (kept across retries). */
  readonly firstTry: boolean;
  /** Epoch ms of the latest answer. */
  readonly at: number;
}

/** The latest step a learner reached: step number, scenario and when. */
export interface StepRecord {
  readonly step: number;
  readonly scenario: string;
  readonly at: number;
}

/** A learner's progress in one lesson: modes visited, last step, and quiz answers. */
export interface LessonProgress {
  /** Mode id -> epoch ms of the latest visit. */
  readonly modes: Readonly<Record<string, number>>;
  readonly lastStep: StepRecord | null;
  /** Practice question id -> answer. */
  readonly practice: Readonly<Record<string, AnswerRecord>>;
  /** Visual quiz item id -> answer. */
  readonly visualQuiz: Readonly<Record<string, AnswerRecord>>;
}

/** All of a learner's stored progress, by lesson. */
export interface ProgressData {
  /** Lesson slug -> progress. */
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

/** The progress of a lesson not started yet. */
export const emptyLessonProgress: LessonProgress = Object.freeze({
  modes: {},
  lastStep: null,
  practice: {},
  visualQuiz: {},
});

/** Progress with no lesson started. */
export function emptyProgress(): ProgressData {
  return { lessons: {} };
}

// ---------------------------------------------------------------------------------------------
// Updates (pure: old data in, new data out)

/** A lesson's progress, or the empty progress when it has none. */
export function lessonProgress(data: ProgressData, slug: string): LessonProgress {
  return data.lessons[slug] ?? emptyLessonProgress;
}

function withLesson(
  data: ProgressData,
  slug: string,
  update: (l: LessonProgress) => LessonProgress,
): ProgressData {
  return { lessons: { ...data.lessons, [slug]: update(lessonProgress(data, slug)) } };
}

/** Records a visit to a lesson's mode at time `at`. */
export function visitMode(
  data: ProgressData,
  slug: string,
  mode: string,
  at: number,
): ProgressData {
  return withLesson(data, slug, (l) => ({ ...l, modes: { ...l.modes, [mode]: at } }));
}

/** Records the step (and scenario) a learner reached in a lesson. */
export function reachStep(
  data: ProgressData,
  slug: string,
  step: number,
  scenario: string,
  at: number,
): ProgressData {
  return withLesson(data, slug, (l) => ({ ...l, lastStep: { step, scenario, at } }));
}

function answer(
  previous: AnswerRecord | undefined,
  choice: string,
  correct: boolean,
  at: number,
): AnswerRecord {
  const attempts = (previous?.attempts ?? 0) + 1;
  return { choice, correct, attempts, firstTry: previous ? previous.firstTry : correct, at };
}

/** Which set of questions an answer belongs to. */
export type QuizKind = 'practice' | 'visualQuiz';

/** Records a learner's answer to a practice or visual quiz question. */
export function recordAnswer(
  data: ProgressData,
  slug: string,
  kind: QuizKind,
  questionId: string,
  choice: string,
  correct: boolean,
  at: number,
): ProgressData {
  return withLesson(data, slug, (l) => ({
    ...l,
    [kind]: { ...l[kind], [questionId]: answer(l[kind][questionId], choice, correct, at) },
  }));
}

// ---------------------------------------------------------------------------------------------
// Derived scores (never stored)

/** A quiz score: correct and answered answers, out of the questions that exist. */
export interface Score {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
}

function score(answers: Readonly<Record<string, AnswerRecord>>, ids: readonly string[]): Score {
  const known = ids.filter((id) => answers[id]);
  return {
    correct: known.filter((id) => answers[id]?.correct).length,
    answered: known.length,
    total: ids.length,
  };
}

/** Practice score overall and per difficulty; answers to questions the lesson no longer has are ignored. */
export function practiceScores(
  progress: LessonProgress,
  lesson: { readonly practice: readonly Pick<PracticeQuestion, 'id' | 'difficulty'>[] },
): Record<Difficulty | 'all', Score> {
  const ids = (d?: Difficulty) =>
    lesson.practice.filter((q) => !d || q.difficulty === d).map((q) => q.id);
  return {
    all: score(progress.practice, ids()),
    easy: score(progress.practice, ids('easy')),
    medium: score(progress.practice, ids('medium')),
    hard: score(progress.practice, ids('hard')),
  };
}

/** The learner's visual quiz score in a lesson. */
export function visualQuizScore(
  progress: LessonProgress,
  lesson: { readonly visualQuiz?: readonly { readonly id: string }[] },
): Score {
  return score(
    progress.visualQuiz,
    (lesson.visualQuiz ?? []).map((q) => q.id),
  );
}
