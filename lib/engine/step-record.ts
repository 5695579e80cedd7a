import type { ErrorExplanation } from './errors';
import type { HttpExchange, HttpRequestRecord } from '../protocol/records';
import type { Check } from '../protocol/checks';
import { TOKEN_PATH } from '../protocol/paths';

/**
 * What the engine records for each step: facts only (variables, requests, responses, the
 * server's checks, decisions, the outcome). The words a learner reads about a step come from the
 * lesson's run text (`Lesson.runText`), keyed by step id and outcome. Sending a request and
 * reading a server's error into a record is in `record-exchange.ts`, which only runners need.
 */

/** An arm of a decision node. */
export type Branch = 'yes' | 'no';

/** Variable values after a step; `null` is shown as None (the variable does not exist yet). */
export type Vars = Readonly<Record<string, string | null>>;

/**
 * A clock fast-forward: instead of waiting for a credential to expire, the server's clock for this
 * browser's own client is set `offsetSeconds` ahead (never any other client's).
 */
export interface FastForward {
  readonly offsetSeconds: number;
  /** The credential that runs out. */
  readonly credential: 'access_token' | 'client_assertion';
  /** Seconds it had left on the real clock. */
  readonly lifetimeSeconds: number;
}

/** An error a server answered with. */
export interface TraceError {
  readonly source: 'token' | 'api';
  readonly status: number;
  /** The RFC error code, when the server gave one. */
  readonly code?: string;
  readonly description?: string;
  readonly explanation?: ErrorExplanation;
}

/**
 * A lesson's outcome table: for each of its step ids, the closed set of outcomes that step can
 * record. Extra keys are refused, so the table names exactly the lesson's steps.
 */
export type StepOutcomeTable<
  StepId extends string,
  T extends Readonly<Record<StepId, string>>,
> = T & Readonly<Record<Exclude<keyof T, StepId>, never>>;

/** A round trip as the engine records it: the exchange and the checks the server reported. */
export interface RecordedExchange extends HttpExchange {
  /** The server's own checks from its `FlowLab-Checks` header, in its order; null when absent. */
  readonly checks: readonly Check[] | null;
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
  /** The server's clock for this browser's own client, set ahead during this step (expired scenarios). */
  readonly fastForward?: FastForward;
}

/** The record of one step: its facts, its step id `S` and the outcome `O` it recorded. */
export type StepRecord<S extends string = string, O extends string = string> = StepFacts & {
  readonly stepId: S;
  readonly outcome: O;
};

/** The records a lesson's steps can make, discriminated by `stepId` (`M`: step id -> outcomes). */
export type LessonRecord<M extends Readonly<Record<string, string>>> = {
  [S in keyof M & string]: StepRecord<S, M[S]>;
}[keyof M & string];

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

/** The last exchange of a trace whose request went to `path` on the server. */
export function lastExchangeTo(
  trace: readonly StepRecord[],
  path: string,
): RecordedExchange | undefined {
  let last: RecordedExchange | undefined;
  for (const record of trace)
    for (const exchange of record.exchanges)
      if (new URL(exchange.request.url).pathname === path) last = exchange;
  return last;
}

/** The token endpoint's answer the flow goes on with (the last token request of a trace). */
export function tokenExchange(trace: readonly StepRecord[]): RecordedExchange | undefined {
  return lastExchangeTo(trace, TOKEN_PATH);
}
