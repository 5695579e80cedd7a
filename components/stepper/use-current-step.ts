'use client';

import { useMemo } from 'react';
import { branchesAt, latestExchange, recordAt, visitedNodes } from '@/lib/engine/derived';
import { runNote } from '@/lib/engine/run-text';
import { useStepper } from './stepper-provider';

/** The current step, its record and what is derived from the trace at the cursor. */
export function useCurrentStep() {
  const lesson = useStepper((s) => s.lesson);
  const trace = useStepper((s) => s.player.trace);
  const cursor = useStepper((s) => s.player.cursor);
  return useMemo(() => {
    const record = recordAt(trace, cursor);
    const visited = visitedNodes(lesson, trace, cursor);
    const branches = branchesAt(trace, cursor);
    return {
      lesson,
      trace,
      cursor,
      total: lesson.steps.length,
      step: cursor > 0 ? lesson.steps[cursor - 1] : undefined,
      record,
      /** The lesson's "in this run" words for the record shown. */
      note: record ? runNote(lesson, record, trace) : undefined,
      branches,
      visited,
      latest: latestExchange(trace, cursor),
    };
  }, [lesson, trace, cursor]);
}
