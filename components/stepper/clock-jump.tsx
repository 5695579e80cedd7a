'use client';

import { useEffect, useState } from 'react';
import type { FastForward } from '@/lib/engine/step-record';

const FRAMES = 24;

const credentialNames: Readonly<Record<FastForward['credential'], string>> = {
  access_token: 'the access token',
  client_assertion: 'the client assertion',
};

/**
 * The expired scenarios' fast-forward: the server's clock for this browser's own client was set
 * ahead, so the credential runs out at once. The countdown races through the skipped time
 * (instantly with reduced motion).
 */
export function ClockJump({ jump }: { jump: FastForward }) {
  const seconds = jump.offsetSeconds;
  const what = credentialNames[jump.credential];
  // With reduced motion the countdown starts at its end: no animation at all.
  const [frame, setFrame] = useState(() =>
    typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      ? FRAMES
      : 0,
  );
  useEffect(() => {
    if (frame >= FRAMES) return;
    const t = setTimeout(() => setFrame(frame + 1), 40);
    return () => clearTimeout(t);
  }, [frame]);
  // What is left of the lifetime as the countdown races through the skipped time; the exact age
  // at the server (time already spent since the credential was made included) is in its answer.
  const left = Math.round(jump.lifetimeSeconds - (seconds * frame) / FRAMES);
  return (
    <p
      role="timer"
      aria-live="off"
      className="border-warn bg-warn-soft rounded-md border p-2 text-sm font-medium"
    >
      Server clock fast-forwarded {seconds} s for your own client only, more than {what}’s{' '}
      {jump.lifetimeSeconds} s lifetime:{' '}
      {left > 0 ? `${left} s of it left` : 'on that clock it has expired'}.
    </p>
  );
}
