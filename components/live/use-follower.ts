'use client';

import { useCallback, useEffect, useState } from 'react';
import { livePaths } from '@/lib/live/protocol';

/** A learner's place in a room: the follower id and the key that proves it. */
export interface Membership {
  readonly followerId: string;
  readonly followerKey: string;
}

const storageKey = (roomId: string) => `flowlab-follow:${roomId}`;

function load(roomId: string): Membership | null {
  try {
    const raw = sessionStorage.getItem(storageKey(roomId));
    const parsed = raw ? (JSON.parse(raw) as Membership) : null;
    return parsed && typeof parsed.followerId === 'string' && typeof parsed.followerKey === 'string'
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/**
 * This device's membership of a room: reused from sessionStorage (a reload keeps the same
 * follower and vote), otherwise obtained by joining. `ended` once the room no longer exists.
 */
export function useFollower(roomId: string) {
  const [membership, setMembership] = useState<Membership | null>(null);
  const [problem, setProblem] = useState<'ended' | 'full' | 'closed' | 'error' | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const stored = load(roomId);
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
        if (res.status === 403) return setProblem('closed');
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
        sessionStorage.setItem(storageKey(roomId), JSON.stringify(joined));
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

  /** The server no longer knows this follower (or the room): find out which, and re-join if we can. */
  const recover = useCallback(async () => {
    const res = await fetch(livePaths.room(roomId), { cache: 'no-store' }).catch(() => null);
    if (res?.status === 404) {
      setProblem('ended');
      return;
    }
    try {
      sessionStorage.removeItem(storageKey(roomId));
    } catch {
      // nothing stored
    }
    setMembership(null);
    setAttempt((n) => n + 1);
  }, [roomId]);

  return { membership, problem, recover };
}
