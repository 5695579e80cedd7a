'use client';

import { useEffect } from 'react';
import { useStepperStore } from './stepper-provider';

/** Elements whose own keys must win over the stepper's shortcuts. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  const role = target.getAttribute('role');
  if (role === 'tab' || role === 'radio' || role === 'slider' || role === 'listbox') return true;
  // Space activates buttons, links and disclosure summaries natively.
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) return true;
  // A focused scroll box that is wider than its view (the tables on a narrow screen) scrolls
  // with the arrow keys, Home and End: that is why it takes focus.
  if (role === 'region' && key !== ' ' && target.scrollWidth > target.clientWidth) return true;
  return false;
}

/**
 * Page-wide keyboard control of the stepper: ← / → previous and next, Space play/pause,
 * Home / End first and last step. Ignored while focus is in a text field or a widget that uses
 * those keys itself.
 */
export function useStepperKeyboard(enabled = true) {
  const store = useStepperStore();
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (
        event.defaultPrevented ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey
      )
        return;
      if (ownsKeys(event.target, event.key)) return;
      const s = store.getState();
      const actions: Record<string, () => unknown> = {
        ArrowRight: () => s.next(),
        ArrowLeft: () => s.prev(),
        ' ': () => s.togglePlay(),
        Home: () => s.first(),
        End: () => s.last(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      void action();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store, enabled]);
}
