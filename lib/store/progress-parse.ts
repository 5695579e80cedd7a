/**
 * Reading stored progress: validation and migration. Stored data is never trusted: it may be
 * hand-edited, truncated, or written by an older (or newer) FlowLab. `parseProgress` keeps what
 * is well formed and drops the rest, so a bad entry costs that entry, never the page.
 */
import {
  PROGRESS_VERSION,
  emptyProgress,
  type AnswerRecord,
  type LessonProgress,
  type ProgressData,
  type StepRecord,
} from './progress-schema';

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
 * Brings stored progress of any earlier version to the current shape. Progress a newer FlowLab
 * wrote keeps every record this version can read; an unknown older version or garbage is dropped
 * cleanly: the learner starts afresh rather than seeing errors.
 */
export function migrateProgress(persisted: unknown, version: number): ProgressData {
  try {
    let value = persisted;
    if (version === 1) value = fromV1(value);
    // a newer FlowLab wrote it (and this one was rolled back): keep every record this version
    // still reads, rather than wiping the learner's progress
    else if (version < PROGRESS_VERSION) return emptyProgress();
    return parseProgress(value) ?? emptyProgress();
  } catch {
    return emptyProgress();
  }
}
