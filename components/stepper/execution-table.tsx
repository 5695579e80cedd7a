'use client';

import { useMemo } from 'react';
import { CheckList } from '@/components/live/check-list';
import { executionRows } from '@/lib/engine/derived';
import type { StepRecord } from '@/lib/engine/step-record';
import type { ActorId, LessonRun } from '@/lib/lessons/types';
import { useStepper } from './stepper-provider';

const actorText: Readonly<Record<ActorId, { name: string; className: string }>> = {
  client: { name: 'Client', className: 'text-client' },
  'auth-server': { name: 'Auth server', className: 'text-authz' },
  api: { name: 'API', className: 'text-api' },
};

/** The execution table of the stepper's run, current row lit. */
export function ExecutionTable() {
  const lesson = useStepper((s) => s.lesson);
  const trace = useStepper((s) => s.player.trace);
  const cursor = useStepper((s) => s.player.cursor);
  return <ExecutionTableView lesson={lesson} trace={trace} cursor={cursor} />;
}

/**
 * The execution table of any run up to `cursor`: one row per step, live values for the steps up
 * to it, the row at `cursor` lit, and the row `highlight` (a step number) marked as the place a
 * hint points to. `cursor` null shows a finished run whole, no row lit.
 */
export function ExecutionTableView({
  lesson,
  trace,
  cursor,
  highlight,
}: {
  lesson: LessonRun;
  trace: readonly StepRecord[];
  cursor: number | null;
  highlight?: number | undefined;
}) {
  // only the steps up to the cursor: a step the learner went back before has not run, as the
  // variable tracker shows it
  const rows = useMemo(
    () => executionRows(lesson, cursor === null ? trace : trace.slice(0, cursor)),
    [lesson, trace, cursor],
  );
  return (
    <div
      className="render-near-view relative overflow-x-auto"
      role="region"
      aria-label="Execution table"
      tabIndex={0}
    >
      <table className="w-full min-w-[44rem] border-collapse text-left text-sm">
        <caption className="sr-only">
          Execution table: each step’s action, request data, the checks the server made and its
          response. Rows not run yet show the lesson’s expected values, or only that they have not
          run once the flow took a No branch.
        </caption>
        <thead>
          <tr className="border-line text-muted border-b text-xs uppercase">
            <th scope="col" className="px-2 py-1.5">
              Step
            </th>
            <th scope="col" className="px-2 py-1.5">
              Action
            </th>
            <th scope="col" className="px-2 py-1.5">
              Request data
            </th>
            <th scope="col" className="px-2 py-1.5">
              Server validation
            </th>
            <th scope="col" className="px-2 py-1.5">
              Response
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const current = row.step.number === cursor;
            const marked = row.step.number === highlight;
            const actor = actorText[row.step.actor];
            const tone =
              row.outcome === 'ok' ? 'text-ok' : row.outcome === 'error' ? 'text-err' : '';
            return (
              <tr
                key={row.step.id}
                aria-current={current ? 'step' : undefined}
                data-highlight={marked || undefined}
                tabIndex={marked ? -1 : undefined}
                className={`border-line border-b align-top ${current ? 'outline-accent outline-2 -outline-offset-2' : ''} ${marked ? 'bg-accent/20 ring-accent ring-2 ring-inset' : ''} ${row.live ? '' : 'text-muted'}`}
              >
                <th scope="row" className="px-2 py-1.5 font-semibold whitespace-nowrap">
                  {current && (
                    <span aria-hidden="true" className="text-accent mr-1">
                      ▸
                    </span>
                  )}
                  {row.step.number}
                  {current && <span className="sr-only"> (current step)</span>}
                  {marked && <span className="sr-only"> (the hint points here)</span>}
                </th>
                <td className="px-2 py-1.5">
                  <span className={`block text-xs font-semibold ${actor.className}`}>
                    {actor.name}
                  </span>
                  {row.step.title}
                </td>
                <td className="max-w-[16rem] px-2 py-1.5 font-mono text-xs break-all">
                  {row.requestData}
                </td>
                <td className="px-2 py-1.5">
                  {row.checks ? <CheckList checks={row.checks} /> : row.validation}
                </td>
                <td className={`max-w-[18rem] px-2 py-1.5 font-mono text-xs break-all ${tone}`}>
                  {row.response}
                  {!row.live && <span className="sr-only"> (expected, not run yet)</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
