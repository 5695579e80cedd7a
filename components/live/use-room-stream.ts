'use client';

import { useEffect, useState } from 'react';
import { livePaths } from '@/lib/live/protocol';
import type { RoomSnapshot } from '@/lib/live/rooms';

export type RoomStreamStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'closed' | 'gone';

export interface RoomStream {
  readonly snapshot: RoomSnapshot | null;
  readonly status: RoomStreamStatus;
  /** Why the room ended, once it has. */
  readonly closedReason: 'closed' | 'expired' | null;
}

/**
 * Follows a room's state over Server-Sent Events. `gone` means the server refused the stream
 * (the room or this follower id no longer exists); `closed` that the presenter ended the room.
 */
export function useRoomStream(roomId: string | null, followerId?: string | null): RoomStream {
  const [snapshot, setSnapshot] = useState<RoomSnapshot | null>(null);
  const [status, setStatus] = useState<RoomStreamStatus>('connecting');
  const [closedReason, setClosedReason] = useState<'closed' | 'expired' | null>(null);

  useEffect(() => {
    if (!roomId || followerId === null) return;
    const url = `${livePaths.roomEvents(roomId)}${followerId ? `?follower=${encodeURIComponent(followerId)}` : ''}`;
    const es = new EventSource(url);
    let gotAny = false;
    es.addEventListener('state', (e) => {
      gotAny = true;
      const next = JSON.parse((e as MessageEvent<string>).data) as RoomSnapshot;
      setSnapshot((prev) =>
        prev && prev.id === next.id && prev.version > next.version ? prev : next,
      );
      setStatus('live');
      setClosedReason(null);
    });
    es.addEventListener('closed', (e) => {
      const { reason } = JSON.parse((e as MessageEvent<string>).data) as {
        reason: 'closed' | 'expired';
      };
      setClosedReason(reason);
      setStatus('closed');
      es.close();
    });
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        // A non-200 answer (404: room ended or follower forgotten) closes an EventSource for good.
        setStatus((s) => (s === 'closed' ? s : gotAny ? 'reconnecting' : 'gone'));
        if (gotAny) {
          gotAny = false;
        }
      } else {
        setStatus('reconnecting');
      }
    };
    return () => es.close();
  }, [roomId, followerId]);

  return { snapshot: roomId ? snapshot : null, status: roomId ? status : 'idle', closedReason };
}
