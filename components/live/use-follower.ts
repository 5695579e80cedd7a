'use client';

import { useCallback, useEffect, useState } from 'react';
import { livePaths } from '@/lib/live/protocol';
import { forgetSeat, keepSeat, keptSeat, type Membership } from './seat-storage';

/** How often a learner turned away while joining was closed asks again. */
const CLOSED_RETRY_MS = 10_000;

/**
 * This browser's membership of a room: the seat it keeps (`seat-storage.ts`: a reload, a reopened
 * link or a second tab is the same follower with the same vote), otherwise obtained by joining.
 * `ended` once the room no longer exists.
 */
export function useFollower(roomId: string) {
  const [membership, setMembership] = useState<Membership | null>(null);
  const [problem, setProblem] = useState<'ended' | 'full' | 'closed' | 'error' | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const stored = keptSeat(roomId);
      if (stored) {
        if (!cancelled) setMembership(stored);
        return;
      }
      try {
        const res = await fetch(livePaths.roomFollowers(roomId), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        if (cancelled) return;
        if (res.status === 404) return setProblem('ended');
        if (res.status === 409) return setProblem('full');
        if (res.status === 403) {
          // the presenter may reopen joining: ask again now and then, and get in when they do
          setProblem('closed');
          setTimeout(() => {
            if (!cancelled) setAttempt((n) => n + 1);
          }, CLOSED_RETRY_MS);
          return;
        }
        if (res.status === 429 || res.status === 503) {
          // Many people joining at once: wait as told, then try again.
          const wait = Math.min(30, Number(res.headers.get('retry-after')) || 2);
          setTimeout(() => {
            if (!cancelled) setAttempt((n) => n + 1);
          }, wait * 1000);
          return;
        }
        if (!res.ok) return setProblem('error');
        const joined = (await res.json()) as Membership;
        keepSeat(roomId, joined);
        if (!cancelled) {
          setMembership(joined);
          setProblem(null);
        }
      } catch {
        if (!cancelled) setProblem('error');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [roomId, attempt]);

  /**
   * The room's stream refused this follower: find out why. The room is gone: `ended`. The room
   * no longer knows this follower (a seat forgotten while the device slept): join again,
   * `rejoined`. Anything else (a cap, the server's store, the network): keep the seat, `retry`
   * the stream later.
   */
  const recover = useCallback(
    async (followerId: string): Promise<'ended' | 'rejoined' | 'retry'> => {
      const room = await fetch(livePaths.room(roomId), { cache: 'no-store' }).catch(() => null);
      if (room?.status === 404) {
        setProblem('ended');
        return 'ended';
      }
      if (!room?.ok) return 'retry';
      // the stream's own answer says whether it was this follower: 404 unknown_follower
      const probe = new AbortController();
      const stream = await fetch(
        `${livePaths.roomEvents(roomId)}?follower=${encodeURIComponent(followerId)}`,
        { cache: 'no-store', signal: probe.signal },
      ).catch(() => null);
      probe.abort();
      if (stream?.status !== 404) return 'retry';
      forgetSeat(roomId, followerId);
      setMembership(null);
      setAttempt((n) => n + 1);
      return 'rejoined';
    },
    [roomId],
  );

  return { membership, problem, recover };
}
