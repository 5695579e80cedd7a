import type { StepRecord } from './step-record';

/**
 * The player: one pure reducer over a recorded run and a cursor on it. Cursor 0 is "Start"
 * (nothing shown); 1..length is "at step n". The reducer owns every cursor rule: where the cursor
 * wants to be (`target`, which may lie beyond what has been recorded while steps run), the play
 * state, and which run a record belongs to (`run`, bumped on restart, so a late answer from an
 * abandoned run is ignored). Running the steps is not its business: an effect outside (the
 * stepper's runner) sees `target > trace.length`, runs the missing steps and dispatches
 * `stepRecorded` / `runFailed` back here.
 */

/** The playback speeds the player offers. */
export const speeds = [0.5, 1, 2, 4] as const;
/** A playback speed multiplier. */
export type Speed = (typeof speeds)[number];

/** The player's whole state: the recorded run, the cursor on it, and the play state. */
export interface PlayerState {
  /** Number of steps of the lesson. */
  readonly length: number;
  /** The step records made so far in this run, in step order. */
  readonly trace: readonly StepRecord[];
  /** The step shown: 0 (Start) .. trace.length. */
  readonly cursor: number;
  /** Where the cursor wants to be; beyond `trace.length` while the missing steps run. */
  readonly target: number;
  readonly playing: boolean;
  readonly speed: Speed;
  /** Identifies the current run; a record or failure of another run is ignored. */
  readonly run: number;
  /** A network failure while running a step (the server could not be reached). */
  readonly failure: string | null;
}

/** Everything that can happen to the player: the learner's moves and the runner's reports. */
export type PlayerAction =
  | { readonly type: 'next' }
  | { readonly type: 'prev' }
  | { readonly type: 'seek'; readonly to: number }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'speed'; readonly speed: Speed }
  /** Throws the run away and goes back to Start (reset, another scenario, edited values). */
  | { readonly type: 'restart' }
  /** The runner recorded the next step of run `run`. */
  | { readonly type: 'stepRecorded'; readonly run: number; readonly record: StepRecord }
  /** The runner could not record the next step of run `run`. */
  | { readonly type: 'runFailed'; readonly run: number; readonly message: string };

/** A fresh player at Start with nothing recorded. */
export function initialPlayer(length: number): PlayerState {
  return {
    length,
    trace: [],
    cursor: 0,
    target: 0,
    playing: false,
    speed: 1,
    run: 0,
    failure: null,
  };
}

function clamp(n: number, length: number): number {
  return Number.isFinite(n) ? Math.min(length, Math.max(0, Math.trunc(n))) : 0;
}

/** Milliseconds between two steps while playing at this speed. */
export function playDelay(speed: Speed): number {
  return Math.round(1600 / speed);
}

/** The step the runner must record next (its number), or null when nothing is missing. */
export function pendingStep(state: PlayerState): number | null {
  return state.failure === null && state.target > state.trace.length
    ? state.trace.length + 1
    : null;
}

/** The cursor reaches its target once every step up to it is recorded; playing ends at the end. */
function settle(state: PlayerState): PlayerState {
  if (state.target > state.trace.length || state.cursor === state.target) return state;
  const cursor = state.target;
  return { ...state, cursor, playing: state.playing && cursor < state.length };
}

/** Moves the target (a learner's move): clears a failure, optionally stops playing. */
function aim(state: PlayerState, target: number, playing = false): PlayerState {
  return settle({ ...state, target: clamp(target, state.length), playing, failure: null });
}

/** The player's one transition function. */
export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case 'next':
      // While steps run, Next aims one further than the pending target.
      return aim(state, state.target + 1, state.playing);
    case 'prev': {
      const to = Math.max(0, Math.min(state.cursor, state.target) - 1);
      return aim({ ...state, cursor: to }, to);
    }
    case 'seek':
      return aim(state, action.to);
    case 'first':
      return aim(state, state.length > 0 ? 1 : 0);
    case 'last':
      return aim(state, state.length);
    case 'play': {
      if (state.length === 0) return state;
      // Playing from the end starts over; the first step is taken at once.
      const from = state.cursor >= state.length ? 0 : state.cursor;
      return aim({ ...state, cursor: from }, from + 1, true);
    }
    case 'pause':
      return { ...state, playing: false };
    case 'toggle':
      return playerReducer(state, { type: state.playing ? 'pause' : 'play' });
    case 'speed':
      return { ...state, speed: action.speed };
    case 'restart':
      return { ...initialPlayer(state.length), speed: state.speed, run: state.run + 1 };
    case 'stepRecorded':
      if (action.run !== state.run || action.record.number !== state.trace.length + 1) return state;
      return settle({ ...state, trace: [...state.trace, action.record] });
    case 'runFailed':
      if (action.run !== state.run) return state;
      return {
        ...state,
        target: state.cursor,
        playing: false,
        failure: action.message,
      };
  }
}
