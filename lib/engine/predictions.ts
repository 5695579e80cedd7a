import type { LessonRun } from '../lessons/types';
import { jsonString, type StepRecord } from './step-record';

/**
 * Predictions: before a step that talks to a server, the learner may guess what the server will
 * answer, then compare with the real answer. The choices are lesson data (`Lesson.predictions`);
 * this reads the real outcome off a record.
 */

/** One choice a learner can predict; ids are `<status>-<code>`. */
export interface OutcomeOption {
  readonly id: string;
  readonly label: string;
}

/**
 * The choices for one predictable step: `success` names the id of a 200, `withoutCall` the id of
 * a step that sent nothing (no token to send).
 */
export interface StepPrediction {
  readonly options: readonly OutcomeOption[];
  readonly success: string;
  readonly withoutCall?: string;
}

function predictionOf(lesson: LessonRun, stepId: string): StepPrediction | undefined {
  const table: Readonly<Partial<Record<string, StepPrediction>>> = lesson.predictions;
  return Object.hasOwn(table, stepId) ? table[stepId] : undefined;
}

/** The choices for a step, or undefined when the step cannot be predicted. */
export function predictionOptions(
  lesson: LessonRun,
  stepId: string,
): readonly OutcomeOption[] | undefined {
  return predictionOf(lesson, stepId)?.options;
}

/** The real outcome of a predictable step's record, as an outcome id. */
export function actualOutcome(lesson: LessonRun, record: StepRecord): string | undefined {
  const prediction = predictionOf(lesson, record.stepId);
  if (!prediction) return undefined;
  const exchange = record.exchanges.at(-1);
  if (!exchange) return prediction.withoutCall;
  const { status, json } = exchange.response;
  if (status === 200) return prediction.success;
  return `${status}-${record.error?.code ?? jsonString(json, 'error') ?? 'error'}`;
}

/** A human label for an outcome id ("401 invalid_client"). */
export function outcomeLabel(lesson: LessonRun, stepId: string, outcome: string): string {
  return (
    predictionOptions(lesson, stepId)?.find((o) => o.id === outcome)?.label ??
    outcome.replace('-', ' ')
  );
}
