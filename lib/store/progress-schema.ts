/**
 * The learner's progress as plain data: its shape, its validation, its migrations and the scores
 * derived from it. No framework here, so every rule is unit-tested without a browser; the zustand
 * store in `progress.ts` is a thin persisted shell over these functions.
 *
 * Stored data is never trusted: it may be hand-edited, truncated, or written by an older (or
 * newer) FlowLab. `parseProgress` keeps what is well formed and drops the rest, so a bad entry
 * costs that entry, never the page.
 */
import type { Difficulty, Lesson } from '@/lib/lessons/types';

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
// Validation

/** Ids in stored data are short, plain identifiers; anything else is dropped. */
const ID = /^[a-z0-9][a-z0-9:_-]{0,63}$/i;
/** Upper bounds so a tampered entry cannot make the page render thousands of rows. */
const MAX_KEYS = 200;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function entries(value: unknown): [string, unknown][] {
  if (!isObject(value)) return [];
  return Object.entries(value)
    .filter(([key]) => ID.test(key))
    .slice(0, MAX_KEYS);
}

function parseAnswer(value: unknown): AnswerRecord | null {
  if (!isObject(value)) return null;
  const { choice, correct, attempts, firstTry, at } = value;
  if (typeof choice !== 'string' || !ID.test(choice) || typeof correct !== 'boolean') return null;
  const tries =
    typeof attempts === 'number' && Number.isInteger(attempts) && attempts >= 1
      ? Math.min(attempts, 1e6)
      : 1;
  return {
    choice,
    correct,
    attempts: tries,
    firstTry: typeof firstTry === 'boolean' ? firstTry : correct && tries === 1,
    at: isTime(at) ? at : 0,
  };
}

function parseAnswers(value: unknown): Record<string, AnswerRecord> {
  const out: Record<string, AnswerRecord> = {};
  for (const [id, raw] of entries(value)) {
    const answer = parseAnswer(raw);
    if (answer) out[id] = answer;
  }
  return out;
}

function parseStep(value: unknown): StepRecord | null {
  if (!isObject(value)) return null;
  const { step, scenario, at } = value;
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > 100) return null;
  if (typeof scenario !== 'string' || !ID.test(scenario)) return null;
  return { step, scenario, at: isTime(at) ? at : 0 };
}

function parseLesson(value: unknown): LessonProgress | null {
  if (!isObject(value)) return null;
  const modes: Record<string, number> = {};
  for (const [id, at] of entries(value.modes)) if (isTime(at)) modes[id] = at;
  return {
    modes,
    lastStep: parseStep(value.lastStep),
    practice: parseAnswers(value.practice),
    visualQuiz: parseAnswers(value.visualQuiz),
  };
}

/**
 * Validates stored progress of the current version, keeping every well-formed part.
 * Returns null when the value is not progress at all.
 */
export function parseProgress(value: unknown): ProgressData | null {
  if (!isObject(value) || !isObject(value.lessons)) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, raw] of entries(value.lessons)) {
    const lesson = parseLesson(raw);
    if (lesson) lessons[slug] = lesson;
  }
  return { lessons };
}

// ---------------------------------------------------------------------------------------------
// Migration

/**
 * Version 1 (FlowLab's first progress format) kept, per lesson, the visited modes as a list,
 * practice answers as `{ choice, correct }`, and the last step as a bare number of the `valid`
 * scenario; it had no visual quiz.
 */
function fromV1(value: unknown): unknown {
  if (!isObject(value) || !isObject(value.lessons)) return null;
  const lessons: Json = {};
  for (const [slug, raw] of entries(value.lessons)) {
    if (!isObject(raw)) continue;
    const modes: Json = {};
    if (Array.isArray(raw.visited))
      for (const id of raw.visited) if (typeof id === 'string') modes[id] = 0;
    lessons[slug] = {
      modes,
      lastStep:
        typeof raw.lastStep === 'number' ? { step: raw.lastStep, scenario: 'valid', at: 0 } : null,
      practice: raw.answers,
      visualQuiz: {},
    };
  }
  return { lessons };
}

/**
 * Brings stored progress of any earlier version to the current shape. Unknown versions (a newer
 * FlowLab, or garbage) are dropped cleanly: the learner starts afresh rather than seeing errors.
 */
export function migrateProgress(persisted: unknown, version: number): ProgressData {
  try {
    let value = persisted;
    if (version === 1) value = fromV1(value);
    else if (version !== PROGRESS_VERSION) return emptyProgress();
    return parseProgress(value) ?? emptyProgress();
  } catch {
    return emptyProgress();
  }
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
  lesson: Pick<Lesson, 'practice'>,
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
  lesson: Pick<Lesson, 'visualQuiz'>,
): Score {
  return score(
    progress.visualQuiz,
    (lesson.visualQuiz ?? []).map((q) => q.id),
  );
}
