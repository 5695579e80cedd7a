'use client';

import { useEarlyEdits } from '@/components/ui/use-early-edits';
import type { Difficulty } from '@/lib/lessons/types';

/** A difficulty to show, or all of them. */
export type Filter = Difficulty | 'all';
const filters: readonly Filter[] = ['all', 'easy', 'medium', 'hard'];

/** Radio buttons that filter the questions by difficulty. */
export function DifficultyFilter({
  value,
  onChange,
  counts,
}: {
  value: Filter;
  onChange: (f: Filter) => void;
  counts: readonly { difficulty: Difficulty }[];
}) {
  const fields = useEarlyEdits<HTMLFieldSetElement>();
  return (
    <fieldset ref={fields} className="border-line bg-surface rounded-lg border p-3">
      <legend className="px-1 text-sm font-semibold">Difficulty</legend>
      <div className="flex flex-wrap gap-2 lg:flex-col">
        {filters.map((f) => {
          const n = f === 'all' ? counts.length : counts.filter((q) => q.difficulty === f).length;
          return (
            <label
              key={f}
              className={`has-[:focus-visible]:outline-accent flex cursor-pointer items-center gap-2 rounded-md border px-2.5 py-1 text-sm capitalize has-[:focus-visible]:outline-3 ${
                value === f ? 'border-accent bg-raised font-semibold' : 'border-line'
              }`}
            >
              <input
                type="radio"
                name="difficulty"
                value={f}
                checked={value === f}
                onChange={() => onChange(f)}
                className="accent-accent"
              />
              {f} ({n})
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
