import { describe, expect, it } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { coreHarness } from '../engine/core-deps.test-support';
import { createStepperStore, runningStep } from './stepper';

async function setup() {
  const core = await coreHarness();
  const timers: (() => void)[] = [];
  const store = createStepperStore({
    lesson,
    deps: core.deps,
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => timers.splice(0),
  });
  const updates: number[] = [];
  store.subscribe((s) => updates.push(s.player.cursor));
  return { core, store, timers, updates };
}

describe('stepper store', () => {
  it('runs steps lazily on next, and prev only moves the cursor', async () => {
    const { core, store } = await setup();
    await store.getState().next();
    expect(store.getState().player.cursor).toBe(1);
    expect(core.requests).toHaveLength(0);
    await store.getState().next();
    expect(core.requests).toHaveLength(1);
    expect(store.getState().player.trace).toHaveLength(2);
    store.getState().prev();
    expect(store.getState().player.cursor).toBe(1);
    await store.getState().next();
    expect(core.requests).toHaveLength(1);
    expect(store.getState().player.trace).toHaveLength(2);
  });

  it('a step change over recorded steps is one store update', async () => {
    const { store, updates } = await setup();
    await store.getState().seek(3);
    updates.length = 0;
    store.getState().prev();
    expect(updates).toEqual([2]);
    await store.getState().next();
    expect(updates).toEqual([2, 3]);
  });

  it('seeks forward by running every step up to the target (deep links)', async () => {
    const { core, store } = await setup();
    const seeking = store.getState().seek(6);
    expect(runningStep(store.getState())).toBe(1);
    await seeking;
    expect(store.getState().player.cursor).toBe(6);
    expect(runningStep(store.getState())).toBeNull();
    expect(store.getState().player.trace.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(core.requests.map((r) => new URL(r.url).pathname)).toEqual(['/token', '/api/data']);
    await store.getState().seek(2);
    expect(store.getState().player.cursor).toBe(2);
    expect(core.requests).toHaveLength(2);
  });

  it('switching scenario or editing settings starts over; reset clears the trace and predictions', async () => {
    const { store } = await setup();
    store.getState().predict('send', '200-token');
    await store.getState().seek(3);
    store.getState().selectScenario('wrong-secret');
    expect(store.getState()).toMatchObject({
      scenarioId: 'wrong-secret',
      player: { trace: [], cursor: 0 },
      predictions: {},
    });
    expect(store.getState().settings.clientSecret).toBe('wrong-secret');
    await store.getState().seek(3);
    expect(store.getState().player.trace[2]?.decision?.branch).toBe('no');
    store.getState().editSettings({ clientSecret: 'xyz', authMethod: 'basic' });
    expect(store.getState().scenarioId).toBe('custom');
    expect(store.getState().settings).toMatchObject({
      clientId: 'abc',
      clientSecret: 'xyz',
      authMethod: 'basic',
    });
    await store.getState().seek(3);
    expect(store.getState().player.trace[2]?.decision?.branch).toBe('yes');
    store.getState().reset();
    expect(store.getState().player).toMatchObject({ trace: [], cursor: 0, playing: false });
  });

  it('a restart while a step is in flight drops that step', async () => {
    const { store } = await setup();
    void store.getState().seek(2);
    await Promise.resolve();
    store.getState().selectScenario('wrong-secret');
    await store.getState().settled();
    expect(store.getState().player.trace).toEqual([]);
    await store.getState().seek(2);
    expect(store.getState().player.trace[1]?.vars.http_status).toBe('401');
  });

  it('plays step by step on its timer and stops at the end; pause stops it', async () => {
    const { store, timers } = await setup();
    store.getState().play();
    await store.getState().settled();
    expect(store.getState().player).toMatchObject({ cursor: 1, playing: true });
    expect(timers).toHaveLength(1);
    timers.shift()?.();
    await store.getState().settled();
    expect(store.getState().player.cursor).toBe(2);
    store.getState().pause();
    expect(timers).toHaveLength(0);
    expect(store.getState().player.playing).toBe(false);
    store.getState().play();
    for (let i = 0; i < 10 && store.getState().player.playing; i++) {
      await store.getState().settled();
      timers.shift()?.();
    }
    await store.getState().settled();
    expect(store.getState().player).toMatchObject({ cursor: 7, playing: false });
    expect(timers).toHaveLength(0);
  });

  it('reports a network failure and stays where it was', async () => {
    const { core } = await setup();
    const store = createStepperStore({
      lesson,
      deps: { ...core.deps, fetch: () => Promise.reject(new Error('offline')) },
    });
    await store.getState().seek(2);
    expect(store.getState().player.failure).toMatch(/offline/);
    expect(store.getState().player.cursor).toBe(0);
    expect(store.getState().player.trace).toHaveLength(1);
    expect(runningStep(store.getState())).toBeNull();
  });

  it('fast-forwards instead of waiting in the expired-token scenario', async () => {
    const { store } = await setup();
    store.getState().selectScenario('expired-token');
    await store.getState().seek(6);
    expect(store.getState().player.trace[5]?.fastForward?.credential).toBe('access_token');
    expect(store.getState().player.trace[5]?.error?.code).toBe('invalid_token');
  });

  it('an edit in the expired-token scenario keeps the scenario: its own client, now sending the secret in the body', async () => {
    const { store } = await setup();
    store.getState().selectScenario('expired-token');
    store.getState().editSettings({ authMethod: 'body' });
    expect(store.getState().scenarioId).toBe('expired-token');
    await store.getState().seek(6);
    const [prepare, send] = store.getState().player.trace;
    expect(prepare?.exchanges[0]?.request.body).toContain('client_secret_post');
    expect(send?.exchanges[0]?.request.body).toContain('client_secret=');
    expect(store.getState().player.trace[5]?.error?.code).toBe('invalid_token');
  });
});
