import type { StepId } from '../lessons/client-credentials/steps';
import { explainError, type ErrorExplanation } from './errors';
import { headerValue, type HttpExchange, type HttpRequestRecord } from '../protocol/records';
import { CHECKS_HEADER, parseChecksHeader, type Check } from '../protocol/checks';
import { sendRequest, type SendDeps } from '../protocol/fetch';
import type { AuthMethod } from '../protocol/requests';

/**
 * What the engine records for each step: facts only (variables, requests, responses, the
 * server's checks, decisions, the outcome). The words a learner reads about a step come from the
 * lesson (`lib/lessons/client-credentials/run-text.ts`), keyed by step id and outcome.
 */

/** An arm of a decision node. */
export type Branch = 'yes' | 'no';

/** Variable values after a step; `null` is shown as None (the variable does not exist yet). */
export type Vars = Readonly<Record<string, string | null>>;

/** An error a server answered with. */
export interface TraceError {
  readonly source: 'token' | 'api';
  readonly status: number;
  /** The RFC error code, when the server gave one. */
  readonly code?: string;
  readonly description?: string;
  readonly explanation?: ErrorExplanation;
}

/** Holds a per-step table to having exactly one entry for every step id. */
type PerStep<T extends Readonly<Record<StepId, string>>> = T &
  Readonly<Record<Exclude<keyof T, StepId>, never>>;

/** The outcomes each step can record: what happened there, as a closed set per step. */
export type StepOutcomes = PerStep<{
  /** How the client put its credentials on the request. */
  readonly prepare: AuthMethod;
  readonly send: 'answered';
  readonly validate: 'accepted' | 'refused';
  readonly issue: 'issued' | 'refused';
  readonly receive: 'stored' | 'stored-short-lived' | 'tampered' | 'revoked' | 'no-token';
  readonly 'call-api': 'data' | 'refused' | 'skipped';
  readonly end: 'complete' | 'token-failed' | 'api-failed';
}>;

/** A round trip as the engine records it: the exchange and the checks the server reported. */
export interface RecordedExchange extends HttpExchange {
  /** The server's own checks from its `FlowLab-Checks` header, in its order; null when absent. */
  readonly checks: readonly Check[] | null;
}

/** Sends a request record and records the exchange with the server's checks. */
export async function sendAndRecord(
  request: HttpRequestRecord,
  deps: SendDeps,
): Promise<RecordedExchange> {
  const exchange = await sendRequest(request, deps);
  return {
    ...exchange,
    checks: parseChecksHeader(headerValue(exchange.response.headers, CHECKS_HEADER)),
  };
}

/** The facts every step records. */
export interface StepFacts {
  /** 1-based step number. */
  readonly number: number;
  readonly vars: Vars;
  /** The request prepared at this step but not sent yet (the prepare step). */
  readonly prepared?: HttpRequestRecord;
  /** The round trips made during this step, in order. */
  readonly exchanges: readonly RecordedExchange[];
  /** A decision taken at this step: which decision node of the flow, and which arm. */
  readonly decision?: { readonly node: string; readonly branch: Branch };
  /** The flow node lit while this step is shown (it differs from the step's own on a No branch). */
  readonly activeNode: string;
  /** The error the flow ended up with so far, if any. */
  readonly error?: TraceError;
  /** Milliseconds the engine waited on purpose during this step (expired-token scenario). */
  readonly waitedMs?: number;
}

/** The record of one step of step `S`: its facts and its outcome. */
export type RecordOf<S extends StepId> = StepFacts & {
  readonly stepId: S;
  readonly outcome: StepOutcomes[S];
};

/** The record of one step, discriminated by `stepId`. */
export type StepRecord = { [S in StepId]: RecordOf<S> }[StepId];

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** A string field of a JSON value, if it is one. */
export function jsonString(value: unknown, key: string): string | undefined {
  const field = record(value)[key];
  return typeof field === 'string' ? field : undefined;
}

/** A field of a JSON object value (undefined when absent or not an object). */
export function jsonField(value: unknown, key: string): unknown {
  return record(value)[key];
}

/**
 * Reads the error of a failed token or API response (JSON body, or an RFC 6750 challenge).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function errorFromExchange(
  source: TraceError['source'],
  exchange: HttpExchange,
): TraceError {
  const { status, headers, json } = exchange.response;
  const challenge = headerValue(headers, 'www-authenticate') ?? '';
  const fromHeader = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1];
  const code = jsonString(json, 'error') ?? fromHeader('error');
  const description = jsonString(json, 'error_description') ?? fromHeader('error_description');
  const explanation = explainError(code, status);
  return {
    source,
    status,
    ...(code ? { code } : {}),
    ...(description ? { description } : {}),
    ...(explanation ? { explanation } : {}),
  };
}

/** The record of step `id` in a trace, if it has run. */
export function recordOf<S extends StepId>(
  trace: readonly StepRecord[],
  id: S,
): Extract<StepRecord, { readonly stepId: S }> | undefined {
  return trace.find((r): r is Extract<StepRecord, { readonly stepId: S }> => r.stepId === id);
}

/** The token request exchange of a trace (sent at the "send" step). */
export function tokenExchange(trace: readonly StepRecord[]): RecordedExchange | undefined {
  return recordOf(trace, 'send')?.exchanges[0];
}

/** The API exchange of a trace (sent at the "call-api" step). */
export function apiExchange(trace: readonly StepRecord[]): RecordedExchange | undefined {
  return recordOf(trace, 'call-api')?.exchanges.at(-1);
}
