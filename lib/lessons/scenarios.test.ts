import { describe, expect, it } from 'vitest';
import { coreHarness } from '../engine/core-deps.test-support';
import { runAll } from '../engine/trace';
import { lastExchangeTo, tokenExchange } from '../engine/step-record';
import { API_PATH } from '../protocol/paths';
import { lessons } from './index';

/** Every scenario of every lesson answers, against the real core, what it says it expects. */
describe.each(lessons.map((l) => [l.slug, l] as const))('scenarios of %s', (_slug, lesson) => {
  it.each(lesson.scenarios.filter((s) => s.expected).map((s) => [s.id, s] as const))(
    '%s gets what it expects',
    async (_id, scenario) => {
      const core = await coreHarness();
      const trace = await runAll(
        { lesson, settings: scenario.settings, treatment: scenario.treatment },
        core.deps,
      );
      const token = tokenExchange(trace);
      expect(token?.response.status).toBe(scenario.expected?.token.status);
      if (scenario.expected?.token.error)
        expect(token?.response.json).toMatchObject({ error: scenario.expected.token.error });
      const api = lastExchangeTo(trace, API_PATH);
      if (scenario.expected?.api) {
        expect(api?.response.status).toBe(scenario.expected.api.status);
        if (scenario.expected.api.error)
          expect(trace.at(-1)?.error?.code).toBe(scenario.expected.api.error);
      } else {
        expect(api).toBeUndefined();
      }
    },
  );
});
