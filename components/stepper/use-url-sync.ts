'use client';

import { useEffect } from 'react';
import { parseStepLink } from '@/lib/engine/deep-link';
import { isScenarioOf } from '@/lib/engine/scenarios';
import { keepCustomValues, keptRun } from '@/lib/store/custom-values';
import { withProgress } from '@/lib/store/progress-deferred';
import { settingsEdited } from '@/lib/store/stepper';
import { useStepperStore } from './stepper-provider';

/**
 * Keeps the address bar in step with the stepper (`?scenario=wrong-secret&step=4`), so a link
 * opens that step: on load it selects the scenario and runs steps 1..n to get there. The
 * learner's edited values are kept for the tab, so a reload runs with them again, and so does a
 * link to the page that names no scenario. Also
 * records the learner's progress.
 */
export function useUrlSync() {
  const store = useStepperStore();
  useEffect(() => {
    const state = store.getState();
    const slug = state.lesson.slug;
    const { scenario, step } = parseStepLink(window.location.search, state.lesson);
    // The link applies only to a stepper nobody has touched yet: an edit or a step made in the
    // first instant, before this effect, is the learner's and wins over the link they came by.
    const untouched = !settingsEdited(state) && state.player.trace.length === 0;
    if (untouched) {
      // A link that names no scenario (the mode bar's, a breadcrumb's) opens the run this tab
      // edited, if any: the learner's values are not lost by visiting another mode.
      const kept = keptRun(slug);
      const target = scenario ?? kept?.scenario;
      if (target && isScenarioOf(state.lesson, target)) {
        if (target !== state.scenarioId) state.selectScenario(target);
        if (kept?.scenario === target) state.editSettings(kept.values);
      }
      if (step) void store.getState().seek(step);
    }
    withProgress((p) => {
      p.ensureProgressHydrated();
      p.recordModeVisit(slug, 'step');
    });

    // The address bar and the saved progress follow each change just after it is painted, so
    // neither the history update nor the localStorage write delays the step's repaint.
    let scheduled = false;
    const sync = () => {
      scheduled = false;
      const s = store.getState();
      const url = new URL(window.location.href);
      url.searchParams.set('scenario', s.scenarioId);
      if (s.player.cursor > 0) url.searchParams.set('step', String(s.player.cursor));
      else url.searchParams.delete('step');
      window.history.replaceState(window.history.state, '', url);
      const { cursor } = s.player;
      if (cursor > 0) withProgress((p) => p.recordStep(slug, cursor, s.scenarioId));
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.settings !== prev.settings) {
        // edited values are kept for the tab; a scenario's own values need no keeping
        keepCustomValues(slug, s.scenarioId, settingsEdited(s) ? s.settings : null);
      }
      if (s.scenarioId === prev.scenarioId && s.player.cursor === prev.player.cursor) return;
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => setTimeout(sync, 0));
    });
    return () => {
      unsubscribe();
      if (scheduled) sync();
    };
  }, [store]);
}
