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
  /** Esc: closes the open panel (the room's, else the notes'). */
  closePanel(): void;
  help(): void;
}

/** The keys a clicker sends: they step, whatever control has the focus. */
const STEP_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp']);

/**
 * Whether the focused element needs this key itself: typing, a select's own keys (but not the
 * clicker's: a scenario picked with the mouse must not keep → and PageDown), and Space or Enter
 * on a control reached with the keyboard (one that was clicked shows no focus ring, and Space
 * then plays instead of clicking it again).
 */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return true;
  if (tag === 'SELECT') return !STEP_KEYS.has(key);
  if ((key === ' ' || key === 'Enter') && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY'))
    return target.matches(':focus-visible');
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
        Escape: a.closePanel,
        '?': a.help,
      };
      const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : 0;
      const handler = digit ? () => a.scenario(digit - 1) : handlers[event.key];
      if (!handler) return;
      if (event.shiftKey && event.key !== '?') return;
      event.preventDefault();
      // the stage has the keys again: a select the clicker stepped past lets go of the focus
      if (event.target instanceof HTMLSelectElement) event.target.blur();
      handler();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
