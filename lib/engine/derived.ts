import type { Lesson, LessonStep } from '../lessons/types';
import { headerValue, type HttpExchange } from './http';
import { initialVars, type Branch, type StepRecord, type TraceError, type Vars } from './trace';

/**
 * Views derived from a trace by pure functions: the variable tracker, the cells a step changed,
 * the branches taken, the execution table's live cells. Nothing here is stored; the trace is the
 * single source of truth.
 */

/** One column of the tracker: Start, or the values after a step. */
export interface TrackerColumn {
  /** 0 for Start, else the step number. */
  readonly number: number;
  readonly label: string;
  readonly vars: Vars;
  /** Names of the variables whose value this step changed. */
  readonly changed: ReadonlySet<string>;
}

/** The variables that differ between two step records' values. */
export function changedVars(before: Vars, after: Vars): Set<string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...names].filter((n) => (before[n] ?? null) !== (after[n] ?? null)));
}

/** The tracker: a Start column and one column per record of the trace. */
export function trackerColumns(lesson: Lesson, trace: readonly StepRecord[]): TrackerColumn[] {
  const start = initialVars(lesson);
  const columns: TrackerColumn[] = [{ number: 0, label: 'Start', vars: start, changed: new Set() }];
  let prev = start;
  for (const snap of trace) {
    columns.push({
      number: snap.number,
      label: `After step ${snap.number}`,
      vars: snap.vars,
      changed: changedVars(prev, snap.vars),
    });
    prev = snap.vars;
  }
  return columns;
}

/** The decisions taken up to and including a cursor position: decision node id -> arm. */
export function branchesAt(
  trace: readonly StepRecord[],
  cursor: number,
): Readonly<Record<string, Branch>> {
  const out: Record<string, Branch> = {};
  for (const snap of trace.slice(0, cursor))
    if (snap.decision) out[snap.decision.node] = snap.decision.branch;
  return out;
}

/** The record shown at a cursor (undefined at Start or beyond what has run). */
export function recordAt(trace: readonly StepRecord[], cursor: number): StepRecord | undefined {
  return cursor > 0 ? trace[cursor - 1] : undefined;
}

/** The most recent exchange at or before the cursor, with the step that made it. */
export function latestExchange(
  trace: readonly StepRecord[],
  cursor: number,
): { readonly exchange: HttpExchange; readonly stepNumber: number } | undefined {
  for (let i = Math.min(cursor, trace.length) - 1; i >= 0; i--) {
    const snap = trace[i];
    const exchange = snap?.exchanges.at(-1);
    if (snap && exchange) return { exchange, stepNumber: snap.number };
  }
  return undefined;
}

/**
 * Shortens a long value for a table cell: the start, an ellipsis and the end. A JWT keeps a piece
 * of each part (`eyJhbGciOi…Q5In0.Xk2…`), so an edited payload still looks different.
 */
export function shorten(value: string, keep = 12): string {
  if (value.length <= keep * 2 + 1) return value;
  const parts = value.split('.');
  if (parts.length === 3 && value.startsWith('eyJ')) {
    const [header = '', payload = '', signature = ''] = parts;
    return `${header.slice(0, keep)}…${payload.slice(-6)}.${signature.slice(0, 6)}…`;
  }
  return `${value.slice(0, keep)}…${value.slice(-6)}`;
}

/** How a variable's value is shown: None before it exists. */
export function formatVar(value: string | null | undefined): string {
  return value === null || value === undefined ? 'None' : value;
}

/** One row of the live execution table. */
export interface ExecutionRow {
  readonly step: LessonStep;
  /** False for steps not run yet: the row shows the lesson's happy-path text. */
  readonly live: boolean;
  readonly requestData: string;
  readonly validation: string;
  readonly response: string;
  readonly outcome: 'ok' | 'error' | 'neutral';
}

function exchangeSummary(exchange: HttpExchange): string {
  const full = shortenTokens(exchange.response.body);
  const body = full.length > 120 ? `${full.slice(0, 117)}…` : full;
  return `${exchange.response.status} ${body}`.trim();
}

function errorLabel(error: TraceError | undefined): string {
  if (!error) return 'Error';
  return `${error.status} ${error.code ?? ''}`.trim();
}

function shortenTokens(text: string): string {
  return text.replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, (t) => shorten(t, 10));
}

function liveRow(
  step: LessonStep,
  snap: StepRecord,
  trace: readonly StepRecord[],
): Omit<ExecutionRow, 'step' | 'live'> {
  const failed = snap.activeNode === 'error' || snap.activeNode === 'api-error';
  switch (step.id) {
    case 'prepare': {
      const req = snap.prepared;
      const auth = req ? headerValue(req.headers, 'authorization') : undefined;
      const data = [auth ? `Authorization: ${auth}` : '', req?.body ?? '']
        .filter(Boolean)
        .join(' + ');
      return { requestData: data || 'N/A', validation: 'N/A', response: 'N/A', outcome: 'neutral' };
    }
    case 'send': {
      const ex = snap.exchanges[0];
      return {
        requestData: 'Same as above (POST /token)',
        validation: 'Server checks client_id and client_secret',
        response: ex ? `${ex.response.status} ${ex.response.statusText}` : 'N/A',
        outcome: 'neutral',
      };
    }
    case 'validate': {
      const yes = snap.decision?.branch === 'yes';
      return {
        requestData: 'N/A',
        validation: 'Credentials valid?',
        response: yes ? 'Yes' : `No: ${errorLabel(snap.error)}`,
        outcome: yes ? 'ok' : 'error',
      };
    }
    case 'issue': {
      const ex = trace.find((s) => s.stepId === 'send')?.exchanges[0];
      return {
        requestData: 'N/A',
        validation: 'N/A',
        response: ex ? shortenTokens(exchangeSummary(ex)) : 'N/A',
        outcome: failed ? 'error' : 'ok',
      };
    }
    case 'receive': {
      const ex = snap.exchanges[0];
      const response = failed
        ? 'Error received, no token'
        : ex
          ? `Token revoked (POST /revoke: ${ex.response.status})`
          : 'Token stored for API calls';
      return {
        requestData: ex ? 'POST /revoke token=…' : 'N/A',
        validation: 'N/A',
        response,
        outcome: failed ? 'error' : 'neutral',
      };
    }
    case 'call-api': {
      const ex = snap.exchanges.at(-1);
      if (!ex)
        return {
          requestData: 'Skipped: no token',
          validation: 'N/A',
          response: 'N/A',
          outcome: 'error',
        };
      const auth = headerValue(ex.request.headers, 'authorization') ?? '';
      return {
        requestData: `Authorization: ${shortenTokens(auth)}`,
        validation: 'API checks the token',
        response: shortenTokens(exchangeSummary(ex)),
        outcome: ex.response.status === 200 ? 'ok' : 'error',
      };
    }
    default:
      return {
        requestData: 'N/A',
        validation: 'N/A',
        response: failed ? `Ended with ${errorLabel(snap.error)}` : 'Process complete',
        outcome: failed ? 'error' : 'ok',
      };
  }
}

/** The execution table: live cells for the steps that have run, the lesson's text for the rest. */
export function executionRows(lesson: Lesson, trace: readonly StepRecord[]): ExecutionRow[] {
  return lesson.steps.map((step, i) => {
    const snap = trace[i];
    if (!snap) {
      return {
        step,
        live: false,
        requestData: step.requestData,
        validation: step.validation,
        response: step.response,
        outcome: 'neutral',
      };
    }
    return { step, live: true, ...liveRow(step, snap, trace) };
  });
}
