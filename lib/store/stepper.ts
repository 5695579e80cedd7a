import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LessonRun } from '../lessons/types';
import type { EngineDeps } from '../engine/http';
import {
  initialPlayer,
  pendingStep,
  playerReducer,
  type PlayerAction,
  type PlayerState,
  type Speed,
} from '../engine/player';
import type { TokenRequestSettings } from '../protocol/requests';
import { CUSTOM_SCENARIO, getScenario } from '../engine/scenarios';
import { startRunner, type RunnerTimers } from './stepper-runner';

/**
 * The stepper's state: a thin zustand shell over the pure player reducer. Every move is an
 * action through `playerReducer`; the one effect that runs the steps the cursor needs (and the
 * play timer) is the runner (stepper-runner.ts), subscribed to this store. Everything else (the
 * tracker, branches, table) is derived from the trace by the views. One store per page, created
 * by StepperProvider, never a module global.
 */

/** What the stepper holds: the lesson, the request settings, the player, the predictions. */
export interface StepperState {
  readonly lesson: LessonRun;
  /** One of the lesson's scenario ids. */
  readonly scenarioId: string;
  /** The request settings in use: the scenario's, or the learner's own edits (scenario `custom`). */
  readonly settings: TokenRequestSettings;
  /** The recorded run, the cursor on it and the play state (see playerReducer). */
  readonly player: PlayerState;
  /** The learner's predictions: step id -> outcome id. */
  readonly predictions: Readonly<Record<string, string>>;
}

/** What views can do; the moves resolve once the cursor has settled (steps run, or failed). */
export interface StepperActions {
  /** Sends one action through the player reducer (one store update). */
  dispatch(action: PlayerAction): void;
  next(): Promise<void>;
  prev(): void;
  seek(to: number): Promise<void>;
  first(): Promise<void>;
  last(): Promise<void>;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  /** Switches scenario (its settings replace the learner's) and starts over. */
  selectScenario(id: string): void;
  /**
   * Applies the learner's own edits and starts the run over. A scenario that does more than send
   * the request (its treatment: its own client and a clock jump, a tampered or revoked token, a
   * replayed assertion...) stays, with the edited values; any other becomes `custom`.
   */
  editSettings(patch: Partial<TokenRequestSettings>): void;
  predict(stepId: string, outcome: string): void;
  /** Resolves once nothing is running or missing (the cursor has settled, or the run failed). */
  settled(): Promise<void>;
  /** Stops the runner and its timer; call when the page unmounts. */
  dispose(): void;
}

/** One page's stepper store. */
export type StepperStore = StoreApi<StepperState & StepperActions>;

/** What a stepper store is built from. */
export interface StepperOptions {
  readonly lesson: LessonRun;
  readonly deps: EngineDeps;
  readonly scenarioId?: string;
  readonly settings?: TokenRequestSettings;
  /** Timer used by play (injectable for tests). */
  readonly setTimer?: RunnerTimers['setTimer'];
  readonly clearTimer?: RunnerTimers['clearTimer'];
}

/** Whether the settings are the learner's edits, not the selected scenario's own. */
export function settingsEdited(
  state: Pick<StepperState, 'lesson' | 'scenarioId' | 'settings'>,
): boolean {
  return state.settings !== getScenario(state.lesson, state.scenarioId).settings;
}

/** The step being run (its number) while a request is in flight or due, else null. */
export function runningStep(state: StepperState): number | null {
  return pendingStep(state.player);
}

/** Creates a stepper store for one page, with its runner started. */
export function createStepperStore(options: StepperOptions): StepperStore {
  const { lesson } = options;
  const scenarioId = getScenario(lesson, options.scenarioId ?? '').id;
  const store = createStore<StepperState & StepperActions>()((set, get) => {
    const dispatch = (action: PlayerAction) =>
      set((s) => ({ player: playerReducer(s.player, action) }));
    /** Dispatches a move, then waits for the runner to settle it. */
    const move = (action: PlayerAction) => {
      dispatch(action);
      return runner.idle();
    };
    const restart = (patch: Partial<StepperState>) =>
      set((s) => ({
        ...patch,
        predictions: {},
        player: playerReducer(s.player, { type: 'restart' }),
      }));
    return {
      lesson,
      scenarioId,
      settings: options.settings ?? getScenario(lesson, scenarioId).settings,
      player: initialPlayer(lesson.steps.length),
      predictions: {},
      dispatch,
      next: () => move({ type: 'next' }),
      prev: () => dispatch({ type: 'prev' }),
      seek: (to) => move({ type: 'seek', to }),
      first: () => move({ type: 'first' }),
      last: () => move({ type: 'last' }),
      reset: () => restart({}),
      play: () => dispatch({ type: 'play' }),
      pause: () => dispatch({ type: 'pause' }),
      togglePlay: () => dispatch({ type: 'toggle' }),
      setSpeed: (speed) => dispatch({ type: 'speed', speed }),
      selectScenario: (id) => {
        const scenario = getScenario(lesson, id);
        restart({ scenarioId: scenario.id, settings: scenario.settings });
      },
      editSettings: (patch) => {
        const { scenarioId: current, settings } = get();
        const custom = getScenario(lesson, CUSTOM_SCENARIO);
        const kept = getScenario(lesson, current).treatment !== custom.treatment;
        restart({
          scenarioId: kept ? current : CUSTOM_SCENARIO,
          settings: { ...settings, ...patch },
        });
      },
      predict: (stepId, outcome) =>
        set((s) => ({ predictions: { ...s.predictions, [stepId]: outcome } })),
      settled: () => runner.idle(),
      dispose: () => runner.dispose(),
    };
  });
  const runner = startRunner(
    { getState: store.getState, dispatch: store.getState().dispatch, subscribe: store.subscribe },
    options.deps,
    {
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    },
  );
  return store;
}
