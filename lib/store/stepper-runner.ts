import type { EngineDeps } from '../engine/http';
import { pendingStep, playDelay, type PlayerAction, type PlayerState } from '../engine/player';
import { getScenario } from '../engine/scenarios';
import { runNextStep } from '../engine/trace';
import type { TokenRequestSettings } from '../protocol/requests';
import type { LessonRun } from '../lessons/types';

/**
 * The stepper's one effect: it watches the player and does what the reducer cannot do itself.
 * When the target lies beyond the recorded steps it runs the next missing step (one at a time)
 * and dispatches `stepRecorded` or `runFailed`; while playing and settled it arms the play timer
 * that dispatches `next`. Its only own state is explicit here: the run in flight and the timer.
 */

/** What the runner reads from the store. */
export interface RunnerView {
  readonly lesson: LessonRun;
  readonly scenarioId: string;
  readonly settings: TokenRequestSettings;
  readonly player: PlayerState;
}

/** The store as the runner sees it: read, dispatch, subscribe. */
export interface RunnerHost {
  getState(): RunnerView;
  dispatch(action: PlayerAction): void;
  subscribe(listener: () => void): () => void;
}

/** Timers, injectable for tests. */
export interface RunnerTimers {
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

/** A started runner: `idle` resolves once nothing is running or missing; `dispose` stops it. */
export interface StepperRunner {
  idle(): Promise<void>;
  dispose(): void;
}

/** Starts the runner on a store; it reacts to every later change. */
export function startRunner(
  host: RunnerHost,
  deps: EngineDeps,
  timers: RunnerTimers,
): StepperRunner {
  /** The run whose step is in flight, or null. */
  let inFlight: number | null = null;
  let timer: { readonly handle: unknown; readonly key: string } | null = null;
  let waiters: (() => void)[] = [];
  let disposed = false;

  function stopTimer() {
    if (timer) timers.clearTimer(timer.handle);
    timer = null;
  }

  async function runStep(view: RunnerView) {
    const { run, trace } = view.player;
    inFlight = run;
    let action: PlayerAction;
    try {
      const record = await runNextStep(
        {
          lesson: view.lesson,
          settings: view.settings,
          treatment: getScenario(view.lesson, view.scenarioId).treatment,
        },
        trace,
        deps,
      );
      action = { type: 'stepRecorded', run, record };
    } catch (error) {
      const message = `Could not reach the server: ${error instanceof Error ? error.message : String(error)}`;
      action = { type: 'runFailed', run, message };
    }
    inFlight = null;
    // The store notifies its subscribers on every dispatch, so `react` runs again from there.
    if (!disposed) host.dispatch(action);
  }

  function react() {
    if (disposed) return;
    const view = host.getState();
    const { player } = view;
    if (inFlight === null && pendingStep(player) !== null) void runStep(view);
    const settled = inFlight === null && pendingStep(player) === null;
    // One timer per settled position and speed: a step change or a speed change re-arms it.
    const key = `${player.run}:${player.cursor}:${player.speed}`;
    const wantTimer = settled && player.playing && player.cursor < player.length;
    if (!wantTimer) stopTimer();
    else if (timer?.key !== key) {
      stopTimer();
      const handle = timers.setTimer(() => {
        timer = null;
        host.dispatch({ type: 'next' });
      }, playDelay(player.speed));
      timer = { handle, key };
    }
    if (settled) {
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    }
  }

  const unsubscribe = host.subscribe(react);
  react();

  return {
    idle() {
      if (inFlight === null && pendingStep(host.getState().player) === null)
        return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    dispose() {
      disposed = true;
      unsubscribe();
      stopTimer();
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
  };
}
