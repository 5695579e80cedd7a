/**
 * The player: a pure reducer over the cursor of a trace. Cursor 0 is "Start" (nothing has run);
 * 1..length is "at step n". Running a step is asynchronous and lives elsewhere (the store asks the
 * engine for the step records it needs, then dispatches here).
 */

export const speeds = [0.5, 1, 2, 4] as const;
export type Speed = (typeof speeds)[number];

export interface PlayerState {
  readonly cursor: number;
  /** Number of steps of the lesson. */
  readonly length: number;
  readonly playing: boolean;
  readonly speed: Speed;
}

export type PlayerAction =
  | { readonly type: 'next' }
  | { readonly type: 'prev' }
  | { readonly type: 'seek'; readonly to: number }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'reset' }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'speed'; readonly speed: Speed };

/** A fresh player at Start. */
export function initialPlayer(length: number, cursor = 0): PlayerState {
  return { cursor: clamp(cursor, length), length, playing: false, speed: 1 };
}

function clamp(n: number, length: number): number {
  return Number.isFinite(n) ? Math.min(length, Math.max(0, Math.trunc(n))) : 0;
}

/** Milliseconds between two steps while playing at this speed. */
export function playDelay(speed: Speed): number {
  return Math.round(1600 / speed);
}

export function playerReducer(state: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case 'next': {
      const cursor = clamp(state.cursor + 1, state.length);
      return { ...state, cursor, playing: state.playing && cursor < state.length };
    }
    case 'prev':
      return { ...state, cursor: clamp(state.cursor - 1, state.length), playing: false };
    case 'seek':
      return { ...state, cursor: clamp(action.to, state.length), playing: false };
    case 'first':
      return { ...state, cursor: state.length > 0 ? 1 : 0, playing: false };
    case 'last':
      return { ...state, cursor: state.length, playing: false };
    case 'reset':
      return { ...state, cursor: 0, playing: false };
    case 'play':
      // Playing from the end starts over.
      return {
        ...state,
        cursor: state.cursor >= state.length ? 0 : state.cursor,
        playing: state.length > 0,
      };
    case 'pause':
      return { ...state, playing: false };
    case 'toggle':
      return playerReducer(state, { type: state.playing ? 'pause' : 'play' });
    case 'speed':
      return { ...state, speed: action.speed };
  }
}
