'use client';

import { useEffect, useState } from 'react';
import { challengePaths, type RoomJoinResponse } from '@/lib/challenges/protocol';
import type { LearnerClient } from './use-learner-client';

const FOLLOW_PREFIX = 'flowlab-follow:';

/** The rooms this tab follows, with the follower credentials each gave it (sessionStorage). */
function followedRooms(): { roomId: string; followerId: string; followerKey: string }[] {
  const rooms = [];
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i);
      if (!key?.startsWith(FOLLOW_PREFIX)) continue;
      const m = JSON.parse(sessionStorage.getItem(key) ?? 'null') as {
        followerId?: unknown;
        followerKey?: unknown;
      } | null;
      if (typeof m?.followerId === 'string' && typeof m.followerKey === 'string') {
        rooms.push({
          roomId: key.slice(FOLLOW_PREFIX.length),
          followerId: m.followerId,
          followerKey: m.followerKey,
        });
      }
    }
  } catch {
    // storage off: no room
  }
  return rooms;
}

/**
 * Counts this learner's client for every room this tab follows: the server checks the follower
 * key the room gave this tab. Answers the handle the instructor sees, per room.
 */
export function useRoomMembership(client: LearnerClient | null): readonly RoomJoinResponse[] {
  const [joined, setJoined] = useState<readonly RoomJoinResponse[]>([]);
  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    void Promise.all(
      followedRooms().map(async (room) => {
        const res = await fetch(challengePaths.clientRoom(client.clientId), {
          method: 'PUT',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${client.registrationAccessToken}`,
          },
          body: JSON.stringify(room),
        }).catch(() => null);
        return res?.ok ? ((await res.json()) as RoomJoinResponse) : null;
      }),
    ).then((all) => {
      if (!cancelled) setJoined(all.filter((j): j is RoomJoinResponse => j !== null));
    });
    return () => {
      cancelled = true;
    };
  }, [client]);
  return joined;
}
