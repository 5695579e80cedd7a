'use client';

import { useEffect } from 'react';
import { isScenarioId } from '@/lib/engine/scenarios';
import { ensureProgressHydrated, recordModeVisit, recordStep } from '@/lib/store/progress';
import { useStepperStore } from './stepper-provider';

/** Reads `?scenario=<id>&step=<n>` from a query string. */
export function parseStepQuery(search: string, total: number): { scenario?: string; step?: number } {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario') ?? undefined;
  const raw = Number(params.get('step'));
  const step = Number.isInteger(raw) && raw >= 1 ? Math.min(raw, total) : undefined;
  return { ...(scenario && isScenarioId(scenario) ? { scenario } : {}), ...(step ? { step } : {}) };
}

/**
 * Keeps the address bar in step with the stepper (`?scenario=wrong-secret&step=4`), so a link
 * opens that step: on load it selects the scenario and runs steps 1..n to get there. Also records
 * the learner's progress.
 */
export function useUrlSync() {
  const store = useStepperStore();
  useEffect(() => {
    const state = store.getState();
    const slug = state.lesson.slug;
    const { scenario, step } = parseStepQuery(window.location.search, state.lesson.steps.length);
    if (scenario && isScenarioId(scenario) && scenario !== state.scenarioId) state.selectScenario(scenario);
    if (step) void store.getState().seek(step);
    ensureProgressHydrated();
    recordModeVisit(slug, 'step');

    return store.subscribe((s, prev) => {
      if (s.scenarioId === prev.scenarioId && s.player.cursor === prev.player.cursor) return;
      const url = new URL(window.location.href);
      url.searchParams.set('scenario', s.scenarioId);
      if (s.player.cursor > 0) url.searchParams.set('step', String(s.player.cursor));
      else url.searchParams.delete('step');
      window.history.replaceState(window.history.state, '', url);
      if (s.player.cursor > 0) recordStep(slug, s.player.cursor, s.scenarioId);
    });
  }, [store]);
}
