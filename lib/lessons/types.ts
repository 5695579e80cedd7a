/**
 * The shape of a lesson: authored content as typed data. A lesson is a folder under
 * `lib/lessons/<slug>/` exporting `lesson = { ... } satisfies Lesson`; every view renders from it,
 * and `lib/lessons/lessons.test.ts` checks every lesson (ids unique, references resolve, exactly
 * one correct answer per question).
 *
 * Facts come from the lesson's sources; the sentences are FlowLab's own. A lesson also carries
 * what the step engine needs to run it (scenarios, step runners, run text, predictions) and the
 * presenter's speaker notes, so the engine, the stores and every view take the lesson they are
 * given and never import a lesson folder.
 */
import type { ChallengeSpec } from '../challenges/types';
import type { StepPrediction } from '../engine/predictions';
import type { OutcomeText } from '../engine/run-text';
import type { StepRunner } from '../engine/runners';
import type { EmptyValueHints, Scenario } from '../engine/scenarios';

/** The three parties of the flow, each with its own colour in every view. */
export type ActorId = 'client' | 'auth-server' | 'api';

/** How hard a practice question is. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** A node of the concept flow diagram. */
export interface FlowNode {
  readonly id: string;
  readonly actor: ActorId;
  readonly kind: 'action' | 'decision' | 'outcome';
  /** Short label drawn in the diagram. */
  readonly label: string;
  /** One sentence shown when the node is focused or described to a screen reader. */
  readonly description: string;
}

/** An arrow of the concept flow; `branch` marks the Yes / No arms of a decision. */
export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly branch?: 'yes' | 'no';
}

/** One row of the execution table, and one stop of the step-through; `Id` is the lesson's step-id union. */
export interface LessonStep<Id extends string = string> {
  readonly id: Id;
  /** 1-based, as the learner sees it. */
  readonly number: number;
  readonly actor: ActorId;
  /** The action column: "Client prepares the POST request". */
  readonly title: string;
  /** What the step does, in plain words, for the narration panel and the transcript. */
  readonly narration: string;
  /** The execution table's columns for the happy path (the live run fills in real values). */
  readonly requestData: string;
  readonly validation: string;
  readonly response: string;
  /** The concept flow node this step lights up. */
  readonly flowNode: string;
}

/** A variable the tracker follows across the steps. */
export interface TrackedVariable {
  readonly name: string;
  readonly description: string;
}

/** One of the lesson's key moments: a question a learner tends to ask, answered. */
export interface KeyMoment<StepId extends string = string, ScenarioId extends string = string> {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  /** The steps that show it; each must be a step id of the lesson. */
  readonly stepIds: readonly StepId[];
  /** The scenario whose run shows it best (the step links open it), if not the happy path. */
  readonly scenario?: ScenarioId;
}

/** One answer option of a practice question. */
export interface QuestionOption {
  readonly id: string;
  readonly text: string;
}

/** A practice question with its teaching material. */
export interface PracticeQuestion<
  StepId extends string = string,
  ScenarioId extends string = string,
> {
  readonly id: string;
  readonly difficulty: Difficulty;
  /** Short topic name, used by the coverage test and the filter: "HTTP method". */
  readonly topic: string;
  readonly prompt: string;
  /** An HTTP message or code the prompt refers to, shown verbatim. */
  readonly code?: string;
  readonly options: readonly QuestionOption[];
  /** The id of the one correct option. */
  readonly answer: string;
  readonly hint: string;
  /** The worked solution, one entry a step. */
  readonly solution: readonly string[];
  readonly mistakes: readonly string[];
  /** The step of the visualizer that shows the answer, if one does. */
  readonly stepId?: StepId;
  /** A scenario of the visualizer that demonstrates it ("try it"), if one does. */
  readonly scenario?: ScenarioId;
}

/** A code or HTTP sample of the "syntax and examples" mode. */
export interface LessonExample {
  readonly id: string;
  readonly title: string;
  readonly language: 'http' | 'shell' | 'python' | 'javascript';
  readonly description: string;
}

/**
 * A visual quiz question bound to the learner's own run: the lesson holds the template, and
 * `lib/engine/visual-quiz.ts` fills in the options and the one correct answer from a real trace
 * (the real token, the real step numbers, the real error).
 */
export interface VisualQuizItem<
  StepId extends string = string,
  ScenarioId extends string = string,
> {
  readonly id: string;
  /**
   * `value-after-step`: the value of `variable` after `stepId`;
   * `step-of`: the number of `stepId` (where something happens);
   * `branch-on-error`: what changes when `scenario` is run instead of the happy path.
   */
  readonly kind: 'value-after-step' | 'step-of' | 'branch-on-error';
  /** The question; `{step}` is replaced by the real number of `stepId`. */
  readonly prompt: string;
  /** The step the question is about; the hint links to it. */
  readonly stepId: StepId;
  readonly variable?: string;
  /** The scenario the hint opens (and whose outcome `branch-on-error` asks about). */
  readonly scenario?: ScenarioId;
  /**
   * Wrong answers written by hand (`branch-on-error` only; the other kinds draw theirs from the
   * run: other variables' values, other step numbers).
   */
  readonly distractors?: readonly string[];
  readonly hint: string;
  /** Shown after answering: why the correct option is correct. */
  readonly explanation: string;
}

/** What the presenter says and points at on one step. */
export interface StepNotes {
  /** What to say, one short paragraph a line. */
  readonly say: readonly string[];
  /** What to point at on screen. */
  readonly point: readonly string[];
}

/** What the room should notice in one scenario's run. */
export interface ScenarioNotes {
  /** The one thing the room should take away from this run. */
  readonly takeaway: string;
  /** Where the run leaves the happy path, and which check the live feed marks. */
  readonly watch: string;
  /**
   * Offer the scenario's token request as a terminal line, so the feed shows it too. The line is
   * rendered from the same request record the stepper sends, at the presenter's own origin.
   */
  readonly terminal?: true;
}

/**
 * The presenter's speaker notes: before step 1, each step, each presentable scenario. `M` is the
 * lesson's outcome table (step id -> the outcomes that step can record), so an outcome note for
 * an outcome the step cannot record fails in tsc.
 */
export interface SpeakerNotes<
  StepId extends string = string,
  ScenarioId extends string = string,
  M extends Readonly<Record<StepId, string>> = Readonly<Record<StepId, string>>,
> {
  /** What to say before step 1. */
  readonly opening: string;
  /** Each step on the happy path: the outcome the `valid` scenario records. */
  readonly steps: Readonly<Record<StepId, StepNotes>>;
  /**
   * Each step's other outcomes (a refused request, a skipped call, another way to authenticate):
   * what to say when the run shown recorded that outcome, in place of the step's own notes.
   */
  readonly outcomes: { readonly [S in StepId]?: Readonly<Partial<Record<M[S], StepNotes>>> };
  readonly scenarios: Readonly<Partial<Record<ScenarioId, ScenarioNotes>>>;
}

/**
 * A lesson; `StepId` is the union of its step ids and `ScenarioId` of its scenario ids, so a
 * reference to a wrong id fails in tsc.
 */
export interface Lesson<StepId extends string = string, ScenarioId extends string = string> {
  readonly slug: string;
  readonly title: string;
  /** One-paragraph summary for cards and the page description. */
  readonly summary: string;
  readonly estimatedMinutes: number;
  readonly flow: {
    readonly nodes: readonly FlowNode[];
    readonly edges: readonly FlowEdge[];
    /** The concept flow explained in a few sentences. */
    readonly caption: string;
  };
  readonly steps: readonly LessonStep<StepId>[];
  readonly variables: readonly TrackedVariable[];
  readonly keyMoments: readonly KeyMoment<StepId, ScenarioId>[];
  readonly practice: readonly PracticeQuestion<StepId, ScenarioId>[];
  /** Introduction mode. */
  readonly intro: {
    readonly purpose: string;
    readonly whenToUse: readonly string[];
    readonly whyNoUser: string;
  };
  /** Syntax and examples mode: notes on the request's shape, and the samples shown. */
  readonly syntax: {
    readonly notes: readonly string[];
    readonly examples: readonly LessonExample[];
    /** What the samples are made from, one or two sentences above them. */
    readonly samplesNote: string;
    /**
     * `values`: from client values the learner edits (a secret method); `run`: from the token
     * request the lesson's happy path prepares in this browser (a signed assertion), made afresh
     * on demand.
     */
    readonly samplesFrom: 'values' | 'run';
  };
  /** Important notes and summary. */
  readonly notes: readonly string[];
  readonly summaryPoints: readonly string[];
  /** Concept snapshot: the one-screen cheat sheet, one line an entry. */
  readonly snapshot: readonly string[];
  /** Full transcript: the lesson as prose, one paragraph an entry. */
  readonly transcript: readonly string[];
  /** Visual quiz templates, answered from a live run (optional: not every lesson has one). */
  readonly visualQuiz?: readonly VisualQuizItem<StepId, ScenarioId>[];
  /** Challenges mode: hands-on tasks graded by the real server (optional). */
  readonly challenges?: ChallengeSpec;
  /**
   * What an empty client value means in this lesson's runs, shown as the field's placeholder
   * (for example "this browser's own client"); without it an empty field is just empty.
   */
  readonly emptyValueHints?: EmptyValueHints;
  /** The runs a learner can pick; the first is the happy path (`valid`). */
  readonly scenarios: readonly Scenario<ScenarioId>[];
  /**
   * The step runners, one per step id (built from the engine's primitives), loaded when first
   * asked for: they carry the request builders and the HTTP code, which a page needs only once a
   * step runs, so the first render does not wait for them.
   */
  readonly loadRunners: () => Promise<{ readonly [S in StepId]: StepRunner }>;
  /** The words for every outcome each step can record (see `lib/engine/run-text.ts`). */
  readonly runText: { readonly [S in StepId]: Readonly<Record<string, OutcomeText>> };
  /** The choices a learner may predict before the steps that talk to a server. */
  readonly predictions: Readonly<Partial<Record<StepId, StepPrediction>>>;
  readonly speakerNotes: SpeakerNotes<StepId, ScenarioId>;
}

/**
 * The fields of a lesson the browser needs to run it: the stepper and the views of a run. The
 * visual quiz's questions are not among them: only the quiz page asks them, and it hands them to
 * its view as props, so the step page does not carry them.
 */
export const LESSON_RUN_FIELDS = [
  'slug',
  'title',
  'flow',
  'steps',
  'variables',
  'scenarios',
  'loadRunners',
  'runText',
  'predictions',
  'emptyValueHints',
] as const;

/**
 * The part of a lesson that runs in the browser (see `LESSON_RUN_FIELDS`): kept in its own module
 * per lesson (`<lesson>/run.ts`), so client bundles carry it without the lesson's prose, practice
 * questions, challenges and speaker notes, which server components render.
 */
export type LessonRun<StepId extends string = string, ScenarioId extends string = string> = Pick<
  Lesson<StepId, ScenarioId>,
  (typeof LESSON_RUN_FIELDS)[number]
>;
