import type { StepRecord } from './trace';

/**
 * Predictions: before a step that talks to a server, the learner may guess what the server will
 * answer, then compare with the real answer. Outcome ids are `<status>-<code>`.
 */

export interface OutcomeOption {
  readonly id: string;
  readonly label: string;
}

const tokenOptions: readonly OutcomeOption[] = [
  { id: '200-token', label: '200: token issued' },
  { id: '401-invalid_client', label: '401 invalid_client' },
  { id: '400-invalid_request', label: '400 invalid_request' },
  { id: '400-unsupported_grant_type', label: '400 unsupported_grant_type' },
  { id: '400-unauthorized_client', label: '400 unauthorized_client' },
  { id: '400-invalid_scope', label: '400 invalid_scope' },
];

const apiOptions: readonly OutcomeOption[] = [
  { id: '200-data', label: '200: API data' },
  { id: '401-invalid_token', label: '401 invalid_token' },
  { id: '403-insufficient_scope', label: '403 insufficient_scope' },
  { id: 'no-call', label: 'No call: there is no token' },
];

/** The step ids a learner can predict, and the choices for each. */
export const predictableSteps: Readonly<Record<string, readonly OutcomeOption[]>> = {
  send: tokenOptions,
  'call-api': apiOptions,
};

/** The choices for a step, or undefined when the step cannot be predicted. */
export function predictionOptions(stepId: string): readonly OutcomeOption[] | undefined {
  return predictableSteps[stepId];
}

/** The real outcome of a predictable step's record, as an outcome id. */
export function actualOutcome(record: StepRecord): string | undefined {
  if (!(record.stepId in predictableSteps)) return undefined;
  const exchange = record.exchanges.at(-1);
  if (!exchange) return record.stepId === 'call-api' ? 'no-call' : undefined;
  const { status } = exchange.response;
  if (status === 200) return record.stepId === 'send' ? '200-token' : '200-data';
  const code = record.error?.code ?? errorCode(exchange.response.json);
  return `${status}-${code ?? 'error'}`;
}

function errorCode(json: unknown): string | undefined {
  const e =
    typeof json === 'object' && json !== null ? (json as { error?: unknown }).error : undefined;
  return typeof e === 'string' ? e : undefined;
}

/** A human label for an outcome id ("401 invalid_client"). */
export function outcomeLabel(stepId: string, outcome: string): string {
  return (
    predictableSteps[stepId]?.find((o) => o.id === outcome)?.label ?? outcome.replace('-', ' ')
  );
}
