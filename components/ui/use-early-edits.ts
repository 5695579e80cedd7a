'use client';

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { READY } from './early-clicks';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A control the learner changed before the page hydrated, and what it showed then. */
interface EarlyEdit {
  readonly control: Control;
  readonly value: string;
  readonly checked: boolean;
}

/**
 * Hands a form's early edits to React. A learner on a slow phone can type into a server-rendered
 * field, pick an option or tick a radio before the page's script has hydrated it. React 19
 * neither resets such a field nor fires its `onChange` (that replay is still an experimental
 * flag), so the field shows what was typed while the component's state, and so the request the
 * page sends, keeps the server's value.
 *
 * Put the ref it answers on the element around the form's controls. When that part of the page
 * hydrates, each control under it whose state differs from the one the server rendered (its
 * `defaultValue`, `defaultChecked` or `defaultSelected`) gets the browser event React listens
 * to, as if the learner had made the edit just now: the control's own `onChange` runs with what
 * it shows. The element is then marked `data-ready`; buttons pressed before that are pressed
 * again right after (`early-clicks.ts`).
 */
export function useEarlyEdits<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const early = useRef<readonly EarlyEdit[]>([]);
  // Read while the hydrating commit still holds the learner's values: a re-render after it
  // writes a controlled field's state back into the field.
  useLayoutEffect(() => {
    early.current = ref.current ? earlyEdits(ref.current) : [];
  }, [ref]);
  // Replay once every effect of the hydrating commit has run: an event dispatched inside the
  // commit would update mid-commit, and a parent's effect (the step page's link, which selects
  // the scenario it names; its sync of the address bar and kept values, which subscribes) runs
  // after this child's. The learner's edit comes last, so it wins, and is kept like any other.
  // Then it is ready; the buttons pressed until now are pressed again after this (EarlyClicks).
  useEffect(() => {
    const edits = early.current;
    early.current = [];
    const timer = setTimeout(() => {
      const root = ref.current;
      if (!root) return;
      for (const edit of edits) replay(edit);
      root.setAttribute(READY, '');
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return ref;
}

/**
 * The controls under `root` that differ from what the server rendered. On a form React rendered
 * in the browser there are none: it gives each input its value as `defaultValue` and
 * `defaultChecked` too.
 */
export function earlyEdits(root: HTMLElement): EarlyEdit[] {
  const edits: EarlyEdit[] = [];
  for (const control of root.querySelectorAll<Control>('input, select, textarea')) {
    if (control.disabled || (control instanceof HTMLInputElement && control.type === 'hidden'))
      continue;
    if (isCheckable(control)) {
      // a radio unticked by its group's newly ticked one changes with that one
      const unticked = control.type === 'radio' && !control.checked;
      if (control.checked !== control.defaultChecked && !unticked)
        edits.push({ control, value: control.value, checked: control.checked });
    } else if (control instanceof HTMLSelectElement) {
      // The server marks the option it chose with the `selected` attribute (`defaultSelected`).
      // A select React rendered in the browser (a page opened by a link within the app) has no
      // such option: nothing was there before React, so nothing can have been edited.
      const options = [...control.options];
      const server = options.filter((o) => o.hasAttribute('selected'));
      const changed = server.length > 0 && options.some((o) => o.selected !== server.includes(o));
      if (changed) edits.push({ control, value: control.value, checked: false });
    } else if (control.value !== control.defaultValue) {
      edits.push({ control, value: control.value, checked: false });
    }
  }
  return edits;
}

function isCheckable(control: Control): control is HTMLInputElement {
  return (
    control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')
  );
}

/**
 * React notices a change only when a control's value differs from the one it last saw, which it
 * learns through the element's own `value` (or `checked`) setter. So: set the server's value
 * through that setter (React now believes the field holds it), put the learner's value back
 * through the prototype's setter (which React does not watch), and dispatch the event React
 * reads a change from. `select` needs no such step: React reads its every `change` event.
 */
function replay({ control, value, checked }: EarlyEdit): void {
  if (!control.isConnected) return;
  if (control instanceof HTMLSelectElement) {
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  if (isCheckable(control)) {
    // React reads a radio's or checkbox's change from its click. A click ticks a radio (this
    // one is ticked: an unticked one is never replayed) and flips a checkbox, so the checkbox
    // is flipped back first.
    control.checked = !checked;
    if (control.type === 'radio') setNative(control, 'checked', true);
    control.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    return;
  }
  control.value = control.defaultValue;
  setNative(control, 'value', value);
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Sets `property` through the element's prototype, past the setter React put on the element. */
function setNative(control: Control, property: 'value' | 'checked', v: string | boolean): void {
  const prototype = Object.getPrototypeOf(control) as object;
  Object.getOwnPropertyDescriptor(prototype, property)?.set?.call(control, v);
}
