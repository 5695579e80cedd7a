'use client';

import { useEffect, useRef } from 'react';

/** What the presenter's keyboard shortcuts do. */
export interface PresenterKeyActions {
  next(): void;
  prev(): void;
  togglePlay(): void;
  first(): void;
  last(): void;
  reset(): void;
  scenario(index: number): void;
  fullscreen(): void;
  toggleFeed(): void;
  toggleNotes(): void;
  toggleRoom(): void;
  help(): void;
}

/** Whether the focused element needs this key itself (typing, selects, native activation). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if ((key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY'))
    return true;
  return false;
}

/**
 * The presenter's keyboard: arrows and PageUp/PageDown (what clickers send), Space, Home/End,
 * r, 1-9, f, l, n, j and ?. Inactive while a modal dialog is open.
 */
export function usePresenterKeys(actions: PresenterKeyActions) {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (ownsKey(event.target, event.key)) return;
      const a = ref.current;
      const handlers: Record<string, () => void> = {
        ArrowRight: a.next,
        PageDown: a.next,
        ArrowLeft: a.prev,
        PageUp: a.prev,
        ' ': a.togglePlay,
        Home: a.first,
        End: a.last,
        r: a.reset,
        f: a.fullscreen,
        l: a.toggleFeed,
        n: a.toggleNotes,
        j: a.toggleRoom,
        '?': a.help,
      };
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
      const handler = digit ? () => a.scenario(digit - 1) : handlers[event.key];
      if (!handler) return;
      if (event.shiftKey && event.key !== '?') return;
      event.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
