'use client';

import { useId } from 'react';
import type { Scenario } from '@/lib/engine/scenarios';

/** Picks the scenario to demonstrate; the first nine also answer to the number keys. */
export function ScenarioSwitcher({
  scenarios,
  value,
  onChange,
}: {
  scenarios: readonly Scenario[];
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="flex max-w-full min-w-0 items-center gap-2">
      <label htmlFor={id} className="text-muted text-base">
        Scenario
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="border-line bg-surface max-w-full min-w-0 rounded-md border px-2 py-1 text-lg sm:max-w-[22rem]"
      >
        {scenarios.map((s, i) => (
          <option key={s.id} value={s.id}>
            {i < 9 ? `${i + 1} · ` : ''}
            {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}
