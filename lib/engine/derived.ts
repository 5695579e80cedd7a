import type { ActorId, LessonRun, LessonStep } from '../lessons/types';
import { outcomeText, type RowTone } from './run-text';
import { requestSummary, responseSummary } from './format';
import { initialVars } from './trace';
import type { Check } from '../protocol/checks';
import type { Branch, RecordedExchange, StepRecord, Vars } from './step-record';

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
export function trackerColumns(lesson: LessonRun, trace: readonly StepRecord[]): TrackerColumn[] {
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

/** The flow nodes a run has lit up to a cursor: each step's node, and each decision's arm taken. */
export function visitedNodes(
  lesson: LessonRun,
  trace: readonly StepRecord[],
  cursor: number,
): string[] {
  const visited = trace.slice(0, cursor).map((s) => s.activeNode);
  for (const [node, arm] of Object.entries(branchesAt(trace, cursor))) {
    visited.push(node);
    const to = lesson.flow.edges.find((e) => e.from === node && e.branch === arm)?.to;
    if (to) visited.push(to);
  }
  return visited;
}

/** The record shown at a cursor (undefined at Start or beyond what has run). */
export function recordAt(trace: readonly StepRecord[], cursor: number): StepRecord | undefined {
  return cursor > 0 ? trace[cursor - 1] : undefined;
}

/** The most recent exchange at or before the cursor, with the step that made it. */
export function latestExchange(
  trace: readonly StepRecord[],
  cursor: number,
): { readonly exchange: RecordedExchange; readonly stepNumber: number } | undefined {
  for (let i = Math.min(cursor, trace.length) - 1; i >= 0; i--) {
    const snap = trace[i];
    const exchange = snap?.exchanges.at(-1);
    if (snap && exchange) return { exchange, stepNumber: snap.number };
  }
  return undefined;
}

/** One row of the live execution table. */
export interface ExecutionRow {
  readonly step: LessonStep;
  /** False for steps not run yet: the row shows the lesson's happy-path text. */
  readonly live: boolean;
  readonly requestData: string;
  /** The lesson's words for the validation column, shown when the step has no server checks. */
  readonly validation: string;
  /** The checks the server made on the request this step sent, in its order (null: none). */
  readonly checks: readonly Check[] | null;
  readonly response: string;
  readonly outcome: RowTone;
}

/** A row for a step that has run: the lesson's words for its outcome, else the real request and answer. */
function liveRow(
  lesson: LessonRun,
  step: LessonStep,
  record: StepRecord,
  trace: readonly StepRecord[],
): ExecutionRow {
  const text = outcomeText(lesson, record);
  const own = record.exchanges.at(-1);
  const sent = record.prepared ?? own?.request;
  return {
    step,
    live: true,
    requestData: text?.requestData ?? (sent ? requestSummary(sent) : 'N/A'),
    validation: step.validation,
    checks: own?.checks ?? null,
    response: text?.response?.(record, trace) ?? (own ? responseSummary(own) : 'N/A'),
    outcome: text?.tone ?? 'neutral',
  };
}

/**
 * The execution table: live cells for the steps that have run, the lesson's happy-path text for
 * the rest, until the run takes a No branch: from then on the rest say only that they have not
 * run, since the happy path is no longer where the run is going.
 */
export function executionRows(lesson: LessonRun, trace: readonly StepRecord[]): ExecutionRow[] {
  const no = trace.find((r) => r.decision?.branch === 'no');
  return lesson.steps.map((step, i) => {
    const record = trace[i];
    if (record) return liveRow(lesson, step, record, trace);
    return {
      step,
      live: false,
      requestData: no ? '—' : step.requestData,
      validation: no ? `Not run yet (step ${no.number} took the No branch)` : step.validation,
      checks: null,
      response: no ? '—' : step.response,
      outcome: 'neutral',
    };
  });
}

/** What a step's heading says in a run. */
export interface StepHeading {
  readonly title: string;
  /** Who acts in it: the step's actor, or the outcome's when the run lit another one. */
  readonly actor: ActorId;
  /** The step's own title, when the run took another branch and it would be false here. */
  readonly onHappyPath?: string;
}

/**
 * A step's heading in a run. A step's title tells the happy path ("Auth server issues an access
 * token"); on a branch the run took instead, the step lights another outcome of the flow (no
 * token was issued, the API refused), and the heading is that outcome's label.
 */
export function stepHeading(
  lesson: Pick<LessonRun, 'flow'>,
  step: LessonStep,
  record: Pick<StepRecord, 'activeNode'> | null | undefined,
): StepHeading {
  const lit = record ? lesson.flow.nodes.find((n) => n.id === record.activeNode) : undefined;
  return lit && lit.kind === 'outcome' && lit.id !== step.flowNode
    ? { title: lit.label, actor: lit.actor, onHappyPath: step.title }
    : { title: step.title, actor: step.actor };
}
