'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedItem } from '@/lib/live/feed';
import { livePaths } from '@/lib/live/protocol';

/** Most events a view keeps (the server's buffer holds as many). */
const MAX_ITEMS = 500;
const REOPEN_DELAY_MS = 2000;

/** The state of the live feed's connection (paused: the presenter stopped it). */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'paused';

/** What the live feed hook returns: the events received and the connection status. */
export interface LiveFeed {
  /** Newest first. */
  readonly items: readonly FeedItem[];
  readonly status: FeedStatus;
  /** The id of the newest event received (what a reconnect resumes after). */
  readonly lastId: number;
}

/**
 * Subscribes to the live request feed over Server-Sent Events. The browser's own reconnect
 * sends Last-Event-ID; when the connection is closed for good (server restart, going offline)
 * the hook reopens it with `?since=<last id>`, so events sent in between still arrive.
 */
export function useLiveFeed(enabled = true): LiveFeed {
  const [items, setItems] = useState<readonly FeedItem[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const lastIdRef = useRef(0);
  /** The epoch of lastIdRef's id (the server's `ready` and `reset` name it). */
  const epochRef = useRef('');
  const [lastId, setLastId] = useState(0);

  const receive = useCallback((item: FeedItem) => {
    if (item.id <= lastIdRef.current) return;
    lastIdRef.current = item.id;
    setLastId(item.id);
    setItems((prev) => [item, ...prev].slice(0, MAX_ITEMS));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const open = () => {
      if (disposed) return;
      source?.close();
      setStatus((s) => (s === 'live' || s === 'offline' ? 'reconnecting' : s));
      const since = lastIdRef.current;
      const es = new EventSource(
        since > 0 ? `${livePaths.feed}?since=${epochRef.current}.${since}` : livePaths.feed,
      );
      source = es;
      es.addEventListener('request', (e) => {
        try {
          receive(JSON.parse((e as MessageEvent<string>).data) as FeedItem);
        } catch {
          // A malformed event is skipped; the next one carries on.
        }
      });
      es.addEventListener('reset', (e) => {
        // The feed was cleared (ids go on) or the server restarted (ids start over): resume from
        // the id the server names.
        try {
          const { lastId: from, epoch } = JSON.parse((e as MessageEvent<string>).data) as {
            lastId: number;
            epoch?: string;
          };
          if (typeof from === 'number' && from < lastIdRef.current) lastIdRef.current = from;
          if (typeof epoch === 'string' && epoch !== '') epochRef.current = epoch;
        } catch {
          // keep the current position
        }
        setItems([]);
      });
      es.addEventListener('ready', (e) => {
        try {
          const { epoch } = JSON.parse((e as MessageEvent<string>).data) as { epoch?: string };
          if (typeof epoch === 'string') epochRef.current = epoch;
        } catch {
          // keep the epoch known so far
        }
        setStatus('live');
      });
      es.onerror = () => {
        if (disposed || source !== es) return;
        if (es.readyState === EventSource.CLOSED) {
          setStatus('reconnecting');
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(open, REOPEN_DELAY_MS);
        } else {
          setStatus('reconnecting'); // the browser retries by itself, with Last-Event-ID
        }
      };
    };

    const goOffline = () => {
      source?.close();
      source = null;
      clearTimeout(reopenTimer);
      setStatus('offline');
    };
    const goOnline = () => open();

    open();
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      disposed = true;
      clearTimeout(reopenTimer);
      source?.close();
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [enabled, receive]);

  return { items, status: enabled ? status : 'paused', lastId };
}
