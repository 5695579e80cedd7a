import type { LessonRun } from '../lessons/types';
import type { StepRecord } from './step-record';

/**
 * Run text: what the learner reads about a step that has run, keyed by step id and the outcome
 * the engine recorded (the "in this run" note and the execution table's cells where they are
 * words). The engine records facts only; each lesson writes these sentences (`Lesson.runText`).
 */

/** How a row of the execution table is marked. */
export type RowTone = 'ok' | 'error' | 'neutral';

/** The words for one outcome of a step whose records are `R`. */
export interface OutcomeText<R extends StepRecord = StepRecord> {
  /** "In this run": what happened at this step, in one or two sentences. */
  note(record: R, trace: readonly StepRecord[]): string;
  /** The table's request cell, when it is words (otherwise: the request the step made, or N/A). */
  readonly requestData?: string;
  /** The table's response cell, when it is words (otherwise: the server's answer, or N/A). */
  response?(record: R, trace: readonly StepRecord[]): string;
  readonly tone: RowTone;
}

/** A lesson's run text: words for every outcome of every step of its outcome table `M`. */
export type RunText<M extends Readonly<Record<string, string>>> = {
  readonly [S in keyof M & string]: { readonly [O in M[S]]: OutcomeText<StepRecord<S, O>> };
};

/** The words for a record's step and outcome (undefined only for a record of another lesson). */
export function outcomeText(lesson: LessonRun, record: StepRecord): OutcomeText | undefined {
  const byOutcome: Readonly<Record<string, OutcomeText>> | undefined =
    lesson.runText[record.stepId];
  return byOutcome?.[record.outcome];
}

/** "In this run": the note for a step that has run. */
export function runNote(
  lesson: LessonRun,
  record: StepRecord,
  trace: readonly StepRecord[],
): string {
  return outcomeText(lesson, record)?.note(record, trace) ?? '';
}
