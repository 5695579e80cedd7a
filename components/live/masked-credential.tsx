'use client';

import { useState } from 'react';
import type { FeedItem } from '@/lib/live/feed';
import { livePaths } from '@/lib/live/protocol';

/**
 * A credential as the feed shows it: masked, with a button that fetches and shows the raw value
 * of this one event (the stream itself never carries it). `at` is the request's time as the row
 * shows it, which names the button among a burst's.
 */
export function MaskedCredential({ item, at }: { item: FeedItem; at: string }) {
  const [raw, setRaw] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const credential = item.credential;
  if (!credential) return null;
  const label = credential.kind === 'secret' ? 'client_secret' : 'token';

  async function toggle() {
    if (raw !== null) {
      setRaw(null);
      return;
    }
    try {
      const res = await fetch(livePaths.feedCredential(item.id), { cache: 'no-store' });
      if (!res.ok) throw new Error('no longer in the buffer');
      const body = (await res.json()) as { credential: { value: string } | null };
      setRaw(body.credential?.value ?? '');
      setError(null);
    } catch (e) {
      setError(`Cannot reveal: ${(e as Error).message}`);
    }
  }

  return (
    <p className="mt-1 flex min-w-0 flex-wrap items-center gap-2 text-base">
      <span className="text-muted">{label}</span>
      <code className="bg-raised min-w-0 rounded px-1 font-mono break-all" data-testid="credential">
        {raw ?? credential.masked}
      </code>
      <button
        type="button"
        onClick={toggle}
        aria-pressed={raw !== null}
        className="border-line hover:bg-raised rounded border px-1.5 py-0.5 text-base"
      >
        {raw !== null ? 'Hide' : 'Reveal'}
        <span className="sr-only">
          {' '}
          {label} of the request at {at}
        </span>
      </button>
      {error && <span className="text-err">{error}</span>}
    </p>
  );
}
