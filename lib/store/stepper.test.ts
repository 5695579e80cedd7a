import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { coreHarness } from '../engine/core-deps.test-support';
import { createStepperStore } from './stepper';

async function setup() {
  const server = await coreHarness();
  const timers: (() => void)[] = [];
  const store = createStepperStore({
    lesson,
    deps: server.deps,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0),
  });
  const fire = async () => {
    const fn = timers.shift();
    fn?.();
    await Promise.resolve();
    while (store.getState().running !== null) await new Promise((r) => setTimeout(r, 1));
  };
  return { server, store, fire, timers };
}

describe('stepper store', () => {
  it('runs steps lazily on next, and prev only moves the cursor', async () => {
    const { server, store } = await setup();
    await store.getState().next();
    expect(store.getState().player.cursor).toBe(1);
    expect(server.requests).toHaveLength(0);
    await store.getState().next();
    expect(server.requests).toHaveLength(1);
    expect(store.getState().trace).toHaveLength(2);
    store.getState().prev();
    expect(store.getState().player.cursor).toBe(1);
    await store.getState().next();
    expect(server.requests).toHaveLength(1);
    expect(store.getState().trace).toHaveLength(2);
  });

  it('seeks forward by running every step up to the target (deep links)', async () => {
    const { server, store } = await setup();
    await store.getState().seek(6);
    expect(store.getState().player.cursor).toBe(6);
    expect(store.getState().trace.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests.map((r) => new URL(r.url).pathname)).toEqual(['/token', '/api/data']);
    await store.getState().seek(2);
    expect(store.getState().player.cursor).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('switching scenario or editing settings starts over; reset clears the trace and predictions', async () => {
    const { store } = await setup();
    store.getState().predict('send', '200-token');
    await store.getState().seek(3);
    store.getState().selectScenario('wrong-secret');
    expect(store.getState()).toMatchObject({
      scenarioId: 'wrong-secret',
      trace: [],
      predictions: {},
    });
    expect(store.getState().settings.clientSecret).toBe('wrong-secret');
    await store.getState().seek(3);
    expect(store.getState().trace[2]?.decision?.branch).toBe('no');
    store.getState().editSettings({ clientSecret: 'xyz', authMethod: 'basic' });
    expect(store.getState().scenarioId).toBe('custom');
    expect(store.getState().settings).toMatchObject({
      clientId: 'abc',
      clientSecret: 'xyz',
      authMethod: 'basic',
    });
    await store.getState().seek(3);
    expect(store.getState().trace[2]?.decision?.branch).toBe('yes');
    store.getState().reset();
    expect(store.getState()).toMatchObject({ trace: [], player: { cursor: 0, playing: false } });
  });

  it('plays step by step on its timer and stops at the end; pause stops it', async () => {
    const { store, fire, timers } = await setup();
    store.getState().play();
    while (store.getState().running !== null) await new Promise((r) => setTimeout(r, 1));
    expect(store.getState().player).toMatchObject({ cursor: 1, playing: true });
    await fire();
    expect(store.getState().player.cursor).toBe(2);
    store.getState().pause();
    expect(timers).toHaveLength(0);
    expect(store.getState().player.playing).toBe(false);
    store.getState().play();
    for (let i = 0; i < 10 && store.getState().player.playing; i++) await fire();
    expect(store.getState().player).toMatchObject({ cursor: 7, playing: false });
  });

  it('reports a network failure and stays where it was', async () => {
    const { server } = await setup();
    const store = createStepperStore({
      lesson,
      deps: { ...server.deps, fetch: () => Promise.reject(new Error('offline')) },
    });
    await store.getState().seek(2);
    expect(store.getState().failure).toMatch(/offline/);
    expect(store.getState().player.cursor).toBe(0);
    expect(store.getState().trace).toHaveLength(1);
    expect(store.getState().running).toBeNull();
  });

  it('waits visibly in the expired-token scenario', async () => {
    const { store } = await setup();
    const seen: (number | null)[] = [];
    store.subscribe((s) => seen.push(s.waitingUntil));
    store.getState().selectScenario('expired-token');
    await store.getState().seek(6);
    expect(seen.some((v) => typeof v === 'number')).toBe(true);
    expect(store.getState().waitingUntil).toBeNull();
    expect(store.getState().trace[5]?.error?.code).toBe('invalid_token');
  });
});
