import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lesson } from '../lessons/types';
import type { EngineDeps } from '../engine/http';
import {
  initialPlayer,
  playDelay,
  playerReducer,
  type PlayerState,
  type Speed,
} from '../engine/player';
import type { TokenRequestSettings } from '../engine/requests';
import { getScenario, type ScenarioId } from '../engine/scenarios';
import { runNextStep, type StepRecord } from '../engine/trace';

/**
 * The stepper's state: a thin zustand shell over the pure engine. The player reducer moves the
 * cursor; the engine runs the steps the cursor needs (lazily, once each); everything else (the
 * tracker, branches, table) is derived from the trace by the views. One store per page, created
 * by StepperProvider, never a module global.
 */

export interface StepperState {
  readonly lesson: Lesson;
  readonly scenarioId: ScenarioId;
  /** The request settings in use: the scenario's, or the learner's own edits (scenario `custom`). */
  readonly settings: TokenRequestSettings;
  readonly trace: readonly StepRecord[];
  readonly player: PlayerState;
  /** The step being run (its number) while a request is in flight, else null. */
  readonly running: number | null;
  /** Set while the engine waits on purpose (expired token): epoch ms it waits until. */
  readonly waitingUntil: number | null;
  /** A network failure while running a step (the server could not be reached). */
  readonly failure: string | null;
  /** The learner's predictions: step id -> outcome id. */
  readonly predictions: Readonly<Record<string, string>>;
}

export interface StepperActions {
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
  selectScenario(id: ScenarioId): void;
  /** Applies the learner's own edits: the scenario becomes `custom` and the run starts over. */
  editSettings(patch: Partial<TokenRequestSettings>): void;
  predict(stepId: string, outcome: string): void;
  /** Stops timers; call when the page unmounts. */
  dispose(): void;
}

export type StepperStore = StoreApi<StepperState & StepperActions>;

export interface StepperOptions {
  readonly lesson: Lesson;
  readonly deps: Omit<EngineDeps, 'onWait'>;
  readonly scenarioId?: ScenarioId;
  readonly settings?: TokenRequestSettings;
  /** Timer used by play (injectable for tests). */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** Creates a stepper store for one page. */
export function createStepperStore(options: StepperOptions): StepperStore {
  const { lesson } = options;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const scenarioId = options.scenarioId ?? 'valid';
  let generation = 0;
  let timer: unknown = null;
  let target = 0;

  return createStore<StepperState & StepperActions>()((set, get) => {
    const deps: EngineDeps = {
      ...options.deps,
      onWait: ({ until }) => set({ waitingUntil: until }),
    };

    function stopTimer() {
      if (timer !== null) clearTimer(timer);
      timer = null;
    }

    function schedulePlay() {
      stopTimer();
      const { player } = get();
      if (!player.playing) return;
      timer = setTimer(() => {
        timer = null;
        if (get().player.playing && get().running === null) void get().next();
      }, playDelay(player.speed));
    }

    /** Runs the steps up to `to` (once each), then moves the cursor there. */
    async function goTo(to: number) {
      target = Math.min(Math.max(0, to), lesson.steps.length);
      if (get().running !== null) return; // the loop below is running: it picks up the new target
      const gen = generation;
      try {
        while (get().trace.length < target) {
          const trace = get().trace;
          set({ running: trace.length + 1, failure: null });
          const { settings, scenarioId: id } = get();
          const record = await runNextStep(
            { lesson, settings, treatment: getScenario(id).treatment },
            trace,
            deps,
          );
          if (gen !== generation) return;
          set({ trace: [...trace, record], waitingUntil: null });
        }
      } catch (error) {
        if (gen !== generation) return;
        target = get().player.cursor;
        set({
          running: null,
          waitingUntil: null,
          player: playerReducer(get().player, { type: 'pause' }),
          failure: `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`,
        });
        return;
      }
      if (gen !== generation) return;
      const current = get().player;
      const cursor = target;
      set({
        running: null,
        player: { ...current, cursor, playing: current.playing && cursor < lesson.steps.length },
      });
      schedulePlay();
    }

    function restart(patch: Partial<StepperState>) {
      generation += 1;
      stopTimer();
      target = 0;
      set({
        ...patch,
        trace: [],
        running: null,
        waitingUntil: null,
        failure: null,
        predictions: {},
        player: { ...initialPlayer(lesson.steps.length), speed: get().player.speed },
      });
    }

    return {
      lesson,
      scenarioId,
      settings: options.settings ?? getScenario(scenarioId).settings,
      trace: [],
      player: initialPlayer(lesson.steps.length),
      running: null,
      waitingUntil: null,
      failure: null,
      predictions: {},

      next() {
        const from = get().running !== null ? target : get().player.cursor;
        return goTo(from + 1);
      },
      prev() {
        if (get().running !== null) return;
        stopTimer();
        target = Math.max(0, get().player.cursor - 1);
        set({ player: playerReducer(get().player, { type: 'prev' }) });
      },
      seek(to) {
        stopTimer();
        set({ player: playerReducer(get().player, { type: 'pause' }) });
        return goTo(to);
      },
      first: () => get().seek(1),
      last: () => get().seek(lesson.steps.length),
      reset: () => restart({}),
      play() {
        if (get().running !== null) return;
        const player = playerReducer(get().player, { type: 'play' });
        if (!player.playing) return;
        target = player.cursor;
        set({ player });
        void get().next();
      },
      pause() {
        stopTimer();
        set({ player: playerReducer(get().player, { type: 'pause' }) });
      },
      togglePlay() {
        if (get().player.playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ player: playerReducer(get().player, { type: 'speed', speed }) });
        if (get().player.playing) schedulePlay();
      },
      selectScenario(id) {
        restart({ scenarioId: id, settings: getScenario(id).settings });
      },
      editSettings(patch) {
        restart({ scenarioId: 'custom', settings: { ...get().settings, ...patch } });
      },
      predict(stepId, outcome) {
        set({ predictions: { ...get().predictions, [stepId]: outcome } });
      },
      dispose() {
        generation += 1;
        stopTimer();
      },
    };
  });
}
