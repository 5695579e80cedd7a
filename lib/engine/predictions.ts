import { predictions, type OutcomeOption } from '../lessons/client-credentials/predictions';
import { isStepId } from '../lessons/client-credentials/steps';
import { jsonString, type StepRecord } from './step-record';

/**
 * Predictions: before a step that talks to a server, the learner may guess what the server will
 * answer, then compare with the real answer. The choices are lesson data; this reads the real
 * outcome off a record.
 */

/** The choices for a step, or undefined when the step cannot be predicted. */
export function predictionOptions(stepId: string): readonly OutcomeOption[] | undefined {
  return isStepId(stepId) ? predictions[stepId]?.options : undefined;
}

/** The real outcome of a predictable step's record, as an outcome id. */
export function actualOutcome(record: StepRecord): string | undefined {
  const prediction = predictions[record.stepId];
  if (!prediction) return undefined;
  const exchange = record.exchanges.at(-1);
  if (!exchange) return prediction.withoutCall;
  const { status, json } = exchange.response;
  if (status === 200) return prediction.success;
  return `${status}-${record.error?.code ?? jsonString(json, 'error') ?? 'error'}`;
}

/** A human label for an outcome id ("401 invalid_client"). */
export function outcomeLabel(stepId: string, outcome: string): string {
  return (
    predictionOptions(stepId)?.find((o) => o.id === outcome)?.label ?? outcome.replace('-', ' ')
  );
}
