'use client';

import { useEffect, useMemo, useRef } from 'react';
import { trackerColumns } from '@/lib/engine/derived';
import { formatVar, shorten } from '@/lib/engine/format';
import type { StepRecord } from '@/lib/engine/step-record';
import type { LessonRun } from '@/lib/lessons/types';
import { useStepper } from './stepper-provider';

function Value({ value }: { value: string | null | undefined }) {
  const text = formatVar(value);
  if (value === null || value === undefined) return <span className="text-muted italic">None</span>;
  if (text.length <= 26) return <span>{text}</span>;
  return (
    <details>
      <summary className="cursor-pointer whitespace-nowrap">
        {shorten(text, 10)} <span className="sr-only">(show all)</span>
      </summary>
      <code className="mt-1 block max-w-[22rem] text-[11px] break-all">{text}</code>
    </details>
  );
}

/**
 * The name column stays in view while a narrow screen scrolls the steps sideways; it sits on the
 * panel's own surface, with a line to tell it from the cells sliding under it.
 */
const NAME_CELL =
  'bg-surface sticky left-0 z-10 px-2 py-1.5 shadow-[inset_-1px_0_0_var(--color-line)]';

/**
 * The variable tracker: a row per variable, a column for Start and for each step. Cells the
 * step changed are highlighted; values are the real ones from the run (None before they exist).
 */
export function VariableTracker() {
  const lesson = useStepper((s) => s.lesson);
  const trace = useStepper((s) => s.player.trace);
  const cursor = useStepper((s) => s.player.cursor);
  return <VariableTrackerView lesson={lesson} trace={trace} cursor={cursor} />;
}

/** The tracker of any run up to `cursor`; `highlight` marks the one cell a hint points to. */
export function VariableTrackerView({
  lesson,
  trace,
  cursor,
  highlight,
}: {
  lesson: LessonRun;
  trace: readonly StepRecord[];
  cursor: number;
  highlight?: { readonly variable: string; readonly step: number } | undefined;
}) {
  const columns = useMemo(() => trackerColumns(lesson, trace), [lesson, trace]);
  const all = [0, ...lesson.steps.map((s) => s.number)];
  const box = useRef<HTMLDivElement>(null);

  // On a narrow screen, keep the current step's column (and its changed cells) in view. Off
  // screen, the browser skips laying the tracker out (render-near-view): reading its layout then
  // would force that layout in the middle of the page's load, so it waits until it is shown.
  useEffect(() => {
    const region = box.current;
    const column = region?.querySelector<HTMLElement>('th[aria-current="step"]');
    if (!region || !column) return;
    const follow = () => {
      if (region.scrollWidth <= region.clientWidth) return;
      const start = column.offsetLeft;
      const end = start + column.offsetWidth;
      const first = region.querySelector<HTMLElement>('th')?.offsetWidth ?? 0;
      if (end > region.scrollLeft + region.clientWidth)
        region.scrollLeft = end - region.clientWidth;
      else if (start - first < region.scrollLeft) region.scrollLeft = Math.max(0, start - first);
    };
    // (a browser without checkVisibility lays it out at once, as before)
    if (!('checkVisibility' in column) || column.checkVisibility({ contentVisibilityAuto: true }))
      return follow();
    const shown = (e: Event) => {
      if ((e as ContentVisibilityAutoStateChangeEvent).skipped) return;
      region.removeEventListener('contentvisibilityautostatechange', shown);
      follow();
    };
    region.addEventListener('contentvisibilityautostatechange', shown);
    return () => region.removeEventListener('contentvisibilityautostatechange', shown);
  }, [cursor]);

  return (
    <div
      ref={box}
      className="render-near-view relative overflow-x-auto"
      role="region"
      aria-label="Variable tracker"
      tabIndex={0}
    >
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption className="sr-only">
          Variable tracker: the value of each variable at Start and after each step. Changed cells
          are marked.
        </caption>
        <thead>
          <tr className="border-line text-muted border-b text-xs">
            <th scope="col" className={NAME_CELL}>
              Variable
            </th>
            {all.map((n) => (
              <th
                key={n}
                scope="col"
                aria-current={n === cursor ? 'step' : undefined}
                className={`px-2 py-1.5 whitespace-nowrap ${n === cursor ? 'bg-raised text-fg' : ''}`}
              >
                {n === 0 ? 'Start' : `Step ${n}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lesson.variables.map((v) => (
            <tr key={v.name} className="border-line border-b align-top">
              <th
                scope="row"
                className={`${NAME_CELL} font-mono text-xs font-semibold`}
                title={v.description}
              >
                {v.name}
              </th>
              {all.map((n) => {
                const col = columns[n];
                const reached = col !== undefined && n <= cursor;
                const changed = reached && col.changed.has(v.name);
                const marked = highlight?.variable === v.name && highlight.step === n;
                return (
                  <td
                    key={n}
                    data-changed={changed || undefined}
                    data-highlight={marked || undefined}
                    tabIndex={marked ? -1 : undefined}
                    className={`px-2 py-1.5 font-mono text-xs break-all ${changed ? 'bg-accent/20 ring-accent font-semibold ring-2 ring-inset' : ''} ${n === cursor && !changed ? 'bg-raised' : ''} ${marked ? 'outline-warn outline-4 -outline-offset-4' : ''}`}
                  >
                    {reached ? (
                      <Value value={col.vars[v.name]} />
                    ) : (
                      <span className="text-muted">
                        <span aria-hidden="true">·</span>
                        <span className="sr-only">not reached</span>
                      </span>
                    )}
                    {changed && <span className="sr-only"> (changed at this step)</span>}
                    {marked && <span className="sr-only"> (the hint points here)</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
