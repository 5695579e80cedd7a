import { describe, expect, it, vi } from 'vitest';
import { lesson } from '../lessons/client-credentials';
import { coreHarness } from '../engine/core-deps.test-support';
import { initialPlayer, type PlayerAction, type PlayerState } from '../engine/player';
import { getScenario } from '../engine/scenarios';
import { runNextStep } from '../engine/trace';
import { startRunner, type RunnerHost, type RunnerView } from './stepper-runner';

/** A host with no reducer at all: it records what the runner dispatches and applies nothing. */
function recordingHost(player: PlayerState) {
  const listeners = new Set<() => void>();
  const dispatched: PlayerAction[] = [];
  let view: RunnerView = {
    lesson,
    scenarioId: 'valid',
    settings: getScenario(lesson, 'valid').settings,
    player,
  };
  const host: RunnerHost = {
    getState: () => view,
    dispatch: (a) => void dispatched.push(a),
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  const replace = (next: PlayerState) => {
    view = { ...view, player: next };
    for (const l of listeners) l();
  };
  return { host, dispatched, replace };
}

const noTimers = { setTimer: () => 0, clearTimer: () => {} };

describe('stepper runner (the effect, without the reducer)', () => {
  it('runs exactly the next missing step of the current run and reports it', async () => {
    const core = await coreHarness();
    const { host, dispatched } = recordingHost({ ...initialPlayer(7), target: 2, run: 4 });
    const runner = startRunner(host, core.deps, noTimers);
    await vi.waitFor(() => expect(dispatched).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    // The host applied nothing, so the runner ran step 1 once and waits for the store to move.
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]).toMatchObject({ type: 'stepRecorded', run: 4, record: { number: 1 } });
    expect(core.requests).toHaveLength(0);
    runner.dispose();
  });

  it('reports a network failure as runFailed for its run', async () => {
    const core = await coreHarness();
    const valid = getScenario(lesson, 'valid');
    const first = await runNextStep(
      { lesson, settings: valid.settings, treatment: valid.treatment },
      [],
      core.deps,
    );
    const { host, dispatched } = recordingHost({ ...initialPlayer(7), trace: [first], target: 2 });
    const runner = startRunner(
      host,
      { ...core.deps, fetch: () => Promise.reject(new Error('offline')) },
      noTimers,
    );
    await vi.waitFor(() => expect(dispatched).toHaveLength(1));
    expect(dispatched).toEqual([
      { type: 'runFailed', run: 0, message: 'Could not reach the server: offline' },
    ]);
    runner.dispose();
  });

  it('arms the play timer only while playing and settled, and it dispatches next', async () => {
    const core = await coreHarness();
    const armed: (() => void)[] = [];
    const cleared: unknown[] = [];
    const { host, dispatched, replace } = recordingHost(initialPlayer(7));
    const runner = startRunner(host, core.deps, {
      setTimer: (fn) => armed.push(fn),
      clearTimer: (h) => void cleared.push(h),
    });
    expect(armed).toHaveLength(0);
    replace({ ...initialPlayer(7), playing: true });
    expect(armed).toHaveLength(1);
    armed[0]?.();
    expect(dispatched).toEqual([{ type: 'next' }]);
    replace({ ...initialPlayer(7), playing: false });
    expect(armed).toHaveLength(1);
    runner.dispose();
  });
});
