import { describe, expect, it } from 'vitest';
import {
  initialPlayer,
  pendingStep,
  playDelay,
  playerReducer,
  type PlayerAction,
  type PlayerState,
} from './player';
import type { StepRecord } from './step-record';

const run = (state: PlayerState, ...actions: PlayerAction[]) =>
  actions.reduce(playerReducer, state);

/** A record for step `number` (the reducer only looks at its number). */
const record = (number: number): StepRecord => ({
  stepId: 'prepare',
  number,
  vars: {},
  exchanges: [],
  activeNode: 'prepare',
  outcome: 'basic',
});

/** Reports the missing steps as the runner would, one `stepRecorded` each. */
function recordPending(state: PlayerState): PlayerState {
  let s = state;
  for (let step = pendingStep(s); step !== null; step = pendingStep(s))
    s = playerReducer(s, { type: 'stepRecorded', run: s.run, record: record(step) });
  return s;
}

describe('playerReducer', () => {
  const start = initialPlayer(7);
  const full = recordPending(run(start, { type: 'last' }));

  it('starts at Start, paused, at 1x, with nothing recorded or pending', () => {
    expect(start).toMatchObject({ cursor: 0, target: 0, length: 7, playing: false, speed: 1 });
    expect(start.trace).toEqual([]);
    expect(pendingStep(start)).toBeNull();
  });

  it('aims beyond the recording and settles only when every step up to the target is in', () => {
    const aimed = run(start, { type: 'seek', to: 3 });
    expect(aimed).toMatchObject({ cursor: 0, target: 3 });
    expect(pendingStep(aimed)).toBe(1);
    const one = run(aimed, { type: 'stepRecorded', run: 0, record: record(1) });
    expect(one).toMatchObject({ cursor: 0, target: 3 });
    expect(pendingStep(one)).toBe(2);
    const three = recordPending(aimed);
    expect(three).toMatchObject({ cursor: 3, target: 3 });
    expect(three.trace.map((r) => r.number)).toEqual([1, 2, 3]);
    // A step change is one transition once the steps are recorded.
    expect(run(three, { type: 'prev' })).toMatchObject({ cursor: 2, target: 2 });
    expect(run(three, { type: 'prev' }, { type: 'next' })).toMatchObject({ cursor: 3 });
  });

  it('Next while steps run aims one further; Prev moves back at once', () => {
    const aimed = run(start, { type: 'next' }, { type: 'next' });
    expect(aimed).toMatchObject({ cursor: 0, target: 2 });
    const back = run(recordPending(run(start, { type: 'seek', to: 3 })), { type: 'seek', to: 6 });
    expect(run(back, { type: 'prev' })).toMatchObject({ cursor: 2, target: 2 });
  });

  it('moves within 0..length, clamps and truncates', () => {
    expect(run(full, { type: 'next' }).cursor).toBe(7);
    expect(run(full, { type: 'prev' }, { type: 'prev' }).cursor).toBe(5);
    expect(run(start, { type: 'prev' }).cursor).toBe(0);
    expect(run(full, { type: 'seek', to: 40 }).cursor).toBe(7);
    expect(run(full, { type: 'seek', to: 2.7 }).cursor).toBe(2);
    expect(run(full, { type: 'seek', to: Number.NaN }).cursor).toBe(0);
    expect(run(full, { type: 'first' }).cursor).toBe(1);
  });

  it('ignores records that are out of order or from another run', () => {
    const aimed = run(start, { type: 'seek', to: 2 });
    expect(run(aimed, { type: 'stepRecorded', run: 0, record: record(2) })).toBe(aimed);
    const restarted = run(aimed, { type: 'restart' });
    expect(run(restarted, { type: 'stepRecorded', run: 0, record: record(1) })).toBe(restarted);
    expect(run(restarted, { type: 'runFailed', run: 0, message: 'x' }).failure).toBeNull();
  });

  it('a failure stops where the cursor is; the next move clears it', () => {
    const failed = run(start, { type: 'play' }, { type: 'runFailed', run: 0, message: 'offline' });
    expect(failed).toMatchObject({ cursor: 0, target: 0, playing: false, failure: 'offline' });
    expect(pendingStep(failed)).toBeNull();
    expect(run(failed, { type: 'next' })).toMatchObject({ failure: null, target: 1 });
  });

  it('plays, stops itself at the end, and restarts from the end', () => {
    const playing = recordPending(run(start, { type: 'play' }));
    expect(playing).toMatchObject({ cursor: 1, playing: true });
    let atSix = playing;
    for (let i = 0; i < 5; i++) atSix = recordPending(run(atSix, { type: 'next' }));
    expect(atSix).toMatchObject({ cursor: 6, playing: true });
    const end = recordPending(run(atSix, { type: 'next' }));
    expect(end).toMatchObject({ cursor: 7, playing: false });
    expect(run(end, { type: 'play' })).toMatchObject({ cursor: 1, target: 1, playing: true });
  });

  it('pauses on manual navigation and toggle; restart clears the run and keeps the speed', () => {
    const playing = recordPending(run(full, { type: 'seek', to: 2 }, { type: 'play' }));
    expect(run(playing, { type: 'prev' }).playing).toBe(false);
    expect(run(playing, { type: 'seek', to: 3 }).playing).toBe(false);
    expect(run(playing, { type: 'toggle' }).playing).toBe(false);
    expect(run(start, { type: 'toggle' }).playing).toBe(true);
    const fresh = run(playing, { type: 'speed', speed: 2 }, { type: 'restart' });
    expect(fresh).toMatchObject({ cursor: 0, target: 0, playing: false, speed: 2, run: 1 });
    expect(fresh.trace).toEqual([]);
  });

  it('changes speed and the delay follows', () => {
    const fast = run(start, { type: 'speed', speed: 2 });
    expect(fast.speed).toBe(2);
    expect(playDelay(2)).toBeLessThan(playDelay(1));
    expect(playDelay(0.5)).toBe(2 * playDelay(1));
  });

  it('never plays an empty lesson', () => {
    expect(run(initialPlayer(0), { type: 'play' }).playing).toBe(false);
  });
});
