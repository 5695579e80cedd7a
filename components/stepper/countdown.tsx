'use client';

import { useEffect, useState } from 'react';

/** A live countdown to an epoch-ms moment (the expired-token wait). */
export function Countdown({ until, label }: { until: number; label: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <p
      role="timer"
      aria-live="off"
      className="border-warn bg-warn-soft rounded-md border p-2 text-sm font-medium"
    >
      {label}: {seconds} s
    </p>
  );
}
