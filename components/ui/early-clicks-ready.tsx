'use client';

import { useEffect } from 'react';
import { READY, replayClick, takeEarlyClicks } from './early-clicks';

/**
 * Marks the page ready once it has hydrated and presses the buttons pressed before that again
 * (early-clicks.ts), in the order first pressed, each in a task of its own as the learner's own
 * presses were: React renders what one did (a preset that fills the form) before the next (Send)
 * reads it. Rendered last in the root layout, so its effect runs after every other of the
 * hydrating commit and its first task after theirs: the parts with `useEarlyEdits` have handed
 * their early edits to React by then (a secret typed, then Next, sends that secret).
 */
export function EarlyClicks() {
  useEffect(() => {
    let timer = setTimeout(() => {
      document.body.setAttribute(READY, '');
      const queued = takeEarlyClicks(document.body);
      const next = () => {
        const button = queued.shift();
        if (button) replayClick(button);
        if (queued.length > 0) timer = setTimeout(next, 0);
      };
      next();
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return null;
}
