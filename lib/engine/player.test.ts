import { describe, expect, it } from 'vitest';
import {
  initialPlayer,
  playDelay,
  playerReducer,
  type PlayerAction,
  type PlayerState,
} from './player';

const run = (state: PlayerState, ...actions: PlayerAction[]) =>
  actions.reduce(playerReducer, state);

describe('playerReducer', () => {
  const start = initialPlayer(7);

  it('starts at Start, paused, at 1x', () => {
    expect(start).toEqual({ cursor: 0, length: 7, playing: false, speed: 1 });
    expect(initialPlayer(7, 99).cursor).toBe(7);
    expect(initialPlayer(7, -3).cursor).toBe(0);
    expect(initialPlayer(7, Number.NaN).cursor).toBe(0);
  });

  it('moves next and prev within 0..length', () => {
    expect(run(start, { type: 'next' }).cursor).toBe(1);
    expect(run(start, { type: 'prev' }).cursor).toBe(0);
    const end = run(start, { type: 'last' });
    expect(end.cursor).toBe(7);
    expect(run(end, { type: 'next' }).cursor).toBe(7);
    expect(run(end, { type: 'prev' }, { type: 'prev' }).cursor).toBe(5);
  });

  it('seeks, clamps and truncates', () => {
    expect(run(start, { type: 'seek', to: 4 }).cursor).toBe(4);
    expect(run(start, { type: 'seek', to: 40 }).cursor).toBe(7);
    expect(run(start, { type: 'seek', to: 2.7 }).cursor).toBe(2);
    expect(run(start, { type: 'first' }).cursor).toBe(1);
  });

  it('plays, stops itself at the end, and restarts from the end', () => {
    const playing = run(start, { type: 'play' });
    expect(playing.playing).toBe(true);
    const atSix = run(playing, ...Array<PlayerAction>(6).fill({ type: 'next' }));
    expect(atSix).toMatchObject({ cursor: 6, playing: true });
    expect(run(atSix, { type: 'next' })).toMatchObject({ cursor: 7, playing: false });
    expect(run(atSix, { type: 'next' }, { type: 'play' })).toMatchObject({
      cursor: 0,
      playing: true,
    });
  });

  it('pauses on manual navigation, toggle and reset', () => {
    const playing = run(start, { type: 'play' }, { type: 'next' });
    expect(run(playing, { type: 'prev' }).playing).toBe(false);
    expect(run(playing, { type: 'seek', to: 3 }).playing).toBe(false);
    expect(run(playing, { type: 'toggle' }).playing).toBe(false);
    expect(run(start, { type: 'toggle' }).playing).toBe(true);
    expect(run(playing, { type: 'reset' })).toMatchObject({ cursor: 0, playing: false });
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
