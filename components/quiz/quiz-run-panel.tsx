'use client';

import { useEffect, useRef } from 'react';
import { branchesAt, visitedNodes } from '@/lib/engine/derived';
import { getScenario } from '@/lib/engine/scenarios';
import type { StepRecord } from '@/lib/engine/step-record';
import type { QuizLook } from '@/lib/engine/visual-quiz';
import type { LessonRun } from '@/lib/lessons/types';
import { ExecutionTableView } from '@/components/stepper/execution-table';
import { FlowDiagram } from '@/components/stepper/flow-diagram';
import { VariableTrackerView } from '@/components/stepper/variable-tracker';

/**
 * The learner's own run beside the visual quiz: the flow diagram with the branches taken, the
 * execution table and the variable tracker of one run (the happy path or the wrong secret). A
 * hint's `look` marks the very cell, row or branch that holds the answer, in place.
 */
export function QuizRunPanel({
  lesson,
  runs,
  run,
  look,
  onRun,
}: {
  lesson: LessonRun;
  runs: Readonly<Record<string, readonly StepRecord[]>>;
  run: string;
  look: QuizLook | null;
  onRun: (run: string) => void;
}) {
  const trace = runs[run] ?? [];
  const cursor = trace.length;
  const here = look?.run === run ? look : null;
  const panel = useRef<HTMLElement>(null);

  // A hint brings the marked place into view and moves the focus there, so the next Tab and a
  // screen reader go on from the place the hint points at, not from the question far above.
  useEffect(() => {
    if (!here) return;
    const marked = panel.current?.querySelector<HTMLElement>('[data-highlight]');
    marked?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    marked?.focus({ preventScroll: true });
  }, [here]);

  const branchNode = here?.branch
    ? lesson.flow.nodes.find((n) => n.id === here.branch?.node)
    : undefined;
  return (
    <section
      ref={panel}
      aria-label="Your run"
      className="border-line bg-surface space-y-3 rounded-lg border p-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="flex-1 text-base font-semibold">Your run</h2>
        <div role="group" aria-label="Which run" className="flex gap-1">
          {Object.keys(runs).map((id) => (
            <button
              key={id}
              type="button"
              aria-pressed={id === run}
              onClick={() => onRun(id)}
              className={`border-line rounded-md border px-2 py-1 text-sm ${id === run ? 'bg-raised font-semibold' : ''}`}
            >
              {getScenario(lesson, id).title}
            </button>
          ))}
        </div>
      </div>
      {here?.branch && branchNode && (
        <p className="bg-warn-soft rounded-md px-2 py-1 text-sm" data-highlight tabIndex={-1}>
          The hint points at the branch: {branchNode.label} →{' '}
          {here.branch.branch === 'yes' ? 'Yes' : 'No'} (step {here.step}).
        </p>
      )}
      <FlowDiagram
        lesson={lesson}
        {...(here?.branch ? { activeNode: here.branch.node } : {})}
        branches={branchesAt(trace, cursor)}
        visited={visitedNodes(lesson, trace, cursor)}
      />
      <ExecutionTableView
        lesson={lesson}
        trace={trace}
        cursor={null}
        highlight={here && !here.variable ? here.step : undefined}
      />
      <VariableTrackerView
        lesson={lesson}
        trace={trace}
        cursor={cursor}
        highlight={here?.variable ? { variable: here.variable, step: here.step } : undefined}
      />
    </section>
  );
}
