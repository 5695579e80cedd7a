'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** One tab: its id, label and panel content. */
export interface TabItem {
  readonly id: string;
  readonly label: string;
  readonly content: ReactNode;
}

/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys, Home and End move between tabs; only the
 * selected tab is in the tab order.
 */
export function Tabs({
  items,
  label,
  className = '',
}: {
  items: readonly TabItem[];
  label: string;
  className?: string;
}) {
  const [selected, setSelected] = useState(items[0]?.id ?? '');
  const base = useId();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = items.find((t) => t.id === selected) ?? items[0];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = items.findIndex((t) => t.id === current?.id);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: items.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    const next = items[(to + items.length) % items.length];
    if (!next) return;
    setSelected(next.id);
    refs.current[next.id]?.focus();
  }

  return (
    <div className={className}>
      <div
        role="tablist"
        aria-label={label}
        className="border-line flex flex-wrap gap-1 border-b"
        onKeyDown={onKeyDown}
      >
        {items.map((t) => {
          const active = t.id === current?.id;
          return (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={active}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={active ? 0 : -1}
              onClick={() => setSelected(t.id)}
              className={`-mb-px rounded-t-md border px-2.5 py-1 text-sm ${active ? 'border-line border-b-surface bg-surface font-semibold' : 'text-muted hover:text-fg border-transparent'}`}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${base}-panel-${current.id}`}
          aria-labelledby={`${base}-tab-${current.id}`}
          className="pt-2"
        >
          {current.content}
        </div>
      )}
    </div>
  );
}
