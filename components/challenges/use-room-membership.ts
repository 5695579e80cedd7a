'use client';

import { useEffect, useState } from 'react';
import { challengePaths, type RoomJoinResponse } from '@/lib/challenges/protocol';
import { keptSeats } from '@/components/live/seat-storage';
import type { LearnerClient } from './use-learner-client';

/**
 * Counts this learner's client for every room this browser follows (the seats it keeps): the
 * server checks the follower key the room gave it. Answers the handle the instructor sees, per
 * room.
 */
export function useRoomMembership(client: LearnerClient | null): readonly RoomJoinResponse[] {
  const [joined, setJoined] = useState<readonly RoomJoinResponse[]>([]);
  useEffect(() => {
    if (!client) return;
    let cancelled = false;
    void Promise.all(
      keptSeats().map(async (room) => {
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
