'use client';

import { useId, useMemo, useState } from 'react';
import { groupFeedItems } from '@/lib/live/feed-groups';
import type { FeedStatus, LiveFeed } from './use-live-feed';
import { FeedRow } from './feed-row';

const statusText: Record<FeedStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: will resume when back online',
  paused: 'Paused',
};

/**
 * Rows drawn at first, and how many more each "Show older" adds: a busy class fills the feed's
 * 500 requests, each row with its list of checks, which is a heavy page for the presenter's
 * laptop to lay out on every new request (and for a screen reader to wade through).
 */
const ROWS_SHOWN = 50;

/**
 * The live request feed: every request reaching the auth server and the API, newest first,
 * filterable by client, requests alike sent close together in one row (a room following a step).
 * Announces new requests politely to screen readers. Sized for a projector: nothing under 16 px,
 * the request line at 18 px.
 */
export function FeedPanel({ feed, className = '' }: { feed: LiveFeed; className?: string }) {
  const [client, setClient] = useState('');
  const [limit, setLimit] = useState(ROWS_SHOWN);
  const filterId = useId();
  // only real clients are offered: an id a request merely claimed is not one (anyone can send any)
  const clients = useMemo(
    () =>
      [
        ...new Set(feed.items.flatMap((i) => (i.clientVerified && i.clientId ? [i.clientId] : []))),
      ].sort(),
    [feed.items],
  );
  const rows = useMemo(
    () => groupFeedItems(client ? feed.items.filter((i) => i.clientId === client) : feed.items),
    [feed.items, client],
  );
  const shown = rows.slice(0, limit);
  const older = rows.length - shown.length;
  const newest = shown[0]?.newest;

  return (
    <section aria-labelledby={`${filterId}-title`} className={`flex min-h-0 flex-col ${className}`}>
      <div className="border-line flex flex-wrap items-center gap-2 border-b pb-2">
        <h2 id={`${filterId}-title`} className="text-xl font-bold">
          Live requests
        </h2>
        <span
          className={`rounded px-1.5 text-base font-semibold ${feed.status === 'live' ? 'bg-ok-soft text-ok' : 'bg-warn-soft text-warn'}`}
          data-testid="feed-status"
        >
          {statusText[feed.status]}
        </span>
        <label htmlFor={filterId} className="text-muted ml-auto text-base">
          Client
        </label>
        <select
          id={filterId}
          value={client}
          onChange={(e) => setClient(e.target.value)}
          className="border-line bg-surface max-w-48 rounded border px-1 py-0.5 text-base"
        >
          <option value="">All clients</option>
          {clients.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <p className="sr-only" aria-live="polite">
        {newest
          ? `${newest.method} ${newest.path} from ${newest.clientId === null ? 'no client' : newest.clientVerified ? newest.clientId : 'an unverified client'}: ${newest.status}`
          : ''}
      </p>
      {shown.length === 0 ? (
        <p className="text-muted mt-3">
          No requests yet. Step through the flow, or send one from a terminal:{' '}
          <code className="font-mono">curl -X POST …/token</code>
        </p>
      ) : (
        <ol
          className="relative mt-2 min-h-0 flex-1 space-y-2 overflow-y-auto pr-1"
          aria-label="Requests, newest first"
          tabIndex={0}
        >
          {shown.map((group, i) => (
            // keyed by the group's oldest request: a new request alike joins the row in place
            <FeedRow key={group.items.at(-1)!.id} group={group} expanded={i === 0} />
          ))}
          {older > 0 && (
            <li>
              <button
                type="button"
                onClick={() => setLimit((n) => n + ROWS_SHOWN)}
                className="border-line hover:bg-raised w-full rounded-md border px-2 py-1 text-base"
              >
                Show {Math.min(older, ROWS_SHOWN)} older of {older}
              </button>
            </li>
          )}
        </ol>
      )}
    </section>
  );
}
