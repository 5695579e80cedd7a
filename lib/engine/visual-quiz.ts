import { rotateById } from '../lessons/arrange';
import type { Lesson, LessonRun, VisualQuizItem } from '../lessons/types';
import { stepHref } from './deep-link';
import { getScenario } from './scenarios';
import { formatVar, shorten } from './format';
import type { Branch, StepRecord } from './step-record';

/**
 * The visual quiz, bound to the learner's own run: the lesson holds question templates, and this
 * module fills in their options and the one correct answer from real traces (the token the server
 * really issued, the step numbers as run, the error a wrong secret really got). Pure: traces and
 * a lesson in, questions out.
 */

/** One option of a visual quiz question, built from a live run. */
export interface VisualQuizOption {
  /** Stable across runs (the token changes, `value` stays), so progress can store it. */
  readonly id: string;
  /** What the option shows (long values shortened). */
  readonly text: string;
  /** The whole value when `text` is shortened, for a screen reader or a "show all". */
  readonly full?: string;
  /** Show as code (a variable's value) rather than prose. */
  readonly code?: boolean;
}

/** A visual quiz question built from a live run, with its hint and the step it points to. */
export interface VisualQuizQuestion {
  readonly id: string;
  readonly prompt: string;
  readonly options: readonly VisualQuizOption[];
  /** The id of the one correct option. */
  readonly answer: string;
  readonly hint: string;
  /** The visualizer step the hint points to, e.g. `/learn/client-credentials/step?scenario=valid&step=4`. */
  readonly hintHref: string;
  readonly stepNumber: number;
  /** Why the answer is right. */
  readonly explanation: string;
  /** What the learner's run actually showed, in one sentence. */
  readonly evidence: string;
  /** Where the answer shows in the learner's own run, for the hint to point at in place. */
  readonly look: QuizLook;
}

/**
 * A place in a run: the run (scenario id), and the tracker cell (`variable` after `step`), the
 * table row (`step`) or the flow diagram's branch (`branch`) that holds the answer.
 */
export interface QuizLook {
  readonly run: string;
  readonly step: number;
  readonly variable?: string;
  readonly branch?: { readonly node: string; readonly branch: Branch };
}

/** A lesson's run with its visual quiz templates (which are not part of the run). */
export type VisualQuizLesson = LessonRun & Pick<Lesson, 'visualQuiz'>;

/** The live runs the visual quiz questions are built from. */
export interface VisualQuizRuns {
  /** A complete run of the happy path (`valid`). */
  readonly trace: readonly StepRecord[];
  /** Optional runs of other scenarios, by id (e.g. `wrong-secret`), for `branch-on-error`. */
  readonly others?: Readonly<Record<string, readonly StepRecord[]>>;
}

/** Drops options whose text repeats an earlier one (so exactly one option can be right). */
function distinct(options: readonly VisualQuizOption[]): VisualQuizOption[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.text) ? false : (seen.add(o.text), true)));
}

function fill(text: string, step: number): string {
  return text.replaceAll('{step}', String(step));
}

function valueOption(id: string, value: string | null | undefined): VisualQuizOption {
  const text = formatVar(value);
  const short = shorten(text, 16);
  return { id, text: short, code: true, ...(short !== text ? { full: text } : {}) };
}

function recordOf(trace: readonly StepRecord[], stepId: string): StepRecord {
  const snap = trace.find((s) => s.stepId === stepId);
  if (!snap) throw new Error(`The run has no step "${stepId}" yet: run the flow to the end first.`);
  return snap;
}

type Derived = Pick<VisualQuizQuestion, 'options' | 'answer' | 'evidence' | 'look'>;

function valueAfterStep(
  item: VisualQuizItem,
  trace: readonly StepRecord[],
  snap: StepRecord,
): Derived {
  const variable = item.variable ?? '';
  const actual = snap.vars[variable];
  const before = trace[trace.indexOf(snap) - 1]?.vars ?? {};
  // Plausible wrong answers: another value this step set (token_type beside access_token), then
  // one the learner saw earlier (client_id); never the secret.
  const candidates = Object.entries(snap.vars).filter(
    ([name, value]) =>
      name !== variable && !name.includes('secret') && value !== null && value.length < 40,
  );
  const changed = candidates.filter(([name, value]) => before[name] !== value);
  const earlier = candidates.filter(([name, value]) => before[name] === value);
  const decoys = [changed[0], earlier[0], ...changed.slice(1), ...earlier.slice(1)]
    .filter((e): e is [string, string] => e !== undefined)
    .map(([name, value]) => valueOption(`var:${name}`, value));
  const options = distinct([
    valueOption('value', actual),
    { id: 'none', text: 'None', code: true },
    ...decoys,
  ]).slice(0, 4);
  return {
    options,
    answer: 'value',
    evidence: `In your run, step ${snap.number} set ${variable} to ${formatVar(actual)}.`,
    look: { run: 'valid', step: snap.number, variable },
  };
}

function stepOf(item: VisualQuizItem, trace: readonly StepRecord[], snap: StepRecord): Derived {
  const at = trace.indexOf(snap);
  // Wrong answers: steps that decide nothing and are not next to the right one, so none is arguable.
  const decoys = trace
    .filter((s, i) => s !== snap && !s.decision && Math.abs(i - at) > 1)
    .slice(0, 3);
  const options = [snap, ...decoys].map((s) => ({
    id: `step:${s.stepId}`,
    text: `Step ${s.number}`,
  }));
  const decided = snap.decision
    ? ` took the ${snap.decision.branch === 'yes' ? 'Yes' : 'No'} branch`
    : ' ran';
  return {
    options,
    answer: `step:${snap.stepId}`,
    evidence: `In your run, the decision "${item.stepId}"${decided} at step ${snap.number}.`,
    look: {
      run: 'valid',
      step: snap.number,
      ...(snap.decision ? { branch: snap.decision } : {}),
    },
  };
}

function branchOnError(
  item: VisualQuizItem,
  scenarioTitle: string,
  other: readonly StepRecord[] | undefined,
  fallbackStep: number,
): Derived {
  const snap = other?.find((s) => s.stepId === item.stepId);
  const error = snap?.decision?.branch === 'no' ? snap.error : undefined;
  const what = error ? `${error.status}${error.code ? ` ${error.code}` : ''}` : 'an error';
  const right: VisualQuizOption = {
    id: 'error',
    text: `The server would return ${what} instead of a token, and access_token would stay None.`,
  };
  const decoys = (item.distractors ?? []).map((text, i) => ({ id: `wrong-${i + 1}`, text }));
  const token = other?.at(-1)?.vars.access_token;
  return {
    options: distinct([right, ...decoys]),
    answer: 'error',
    look: {
      run: item.scenario ?? 'valid',
      step: snap?.number ?? fallbackStep,
      ...(snap?.decision ? { branch: snap.decision } : {}),
    },
    evidence: snap
      ? `Your run of “${scenarioTitle}” took the ${snap.decision?.branch === 'no' ? 'No' : 'Yes'} branch at step ${snap.number}: the server answered ${what}, and access_token ended as ${formatVar(token)}.`
      : `Run the scenario “${scenarioTitle}” to see the server’s real answer.`,
  };
}

/**
 * Builds the lesson's visual quiz from real runs. Each question has its options, the id of the one
 * correct option, a hint linking to the visualizer step that shows the answer, and what the run
 * showed. Throws when the happy-path trace is incomplete.
 */
export function buildVisualQuiz(
  lesson: VisualQuizLesson,
  runs: VisualQuizRuns,
): VisualQuizQuestion[] {
  return (lesson.visualQuiz ?? []).map((item) => {
    const snap = recordOf(runs.trace, item.stepId);
    const derived =
      item.kind === 'value-after-step'
        ? valueAfterStep(item, runs.trace, snap)
        : item.kind === 'step-of'
          ? stepOf(item, runs.trace, snap)
          : branchOnError(
              item,
              getScenario(lesson, item.scenario ?? '').title,
              item.scenario ? runs.others?.[item.scenario] : undefined,
              snap.number,
            );
    return {
      id: item.id,
      prompt: fill(item.prompt, snap.number),
      options: rotateById(item.id, derived.options),
      answer: derived.answer,
      hint: fill(item.hint, snap.number),
      hintHref: stepHref(lesson.slug, { scenario: item.scenario, step: snap.number }),
      stepNumber: snap.number,
      explanation: item.explanation,
      evidence: derived.evidence,
      look: derived.look,
    };
  });
}
