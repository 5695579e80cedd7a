'use client';

import { useEffect, useState } from 'react';
import { livePaths } from '@/lib/live/protocol';
import type { RoomState } from '@/lib/live/room-state';

/** The state of a room's SSE connection (`gone`: the room does not exist). */
export type RoomStreamStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'closed' | 'gone';

/** What the room stream hook returns: the room's latest state and the connection status. */
export interface RoomStream {
  readonly state: RoomState | null;
  readonly status: RoomStreamStatus;
  /** Why the room ended, once it has. */
  readonly closedReason: 'closed' | 'expired' | null;
}

/**
 * Follows a room's state over Server-Sent Events. `gone` means the server refused the stream
 * (the room or this follower id no longer exists, or a cap was reached); `closed` that the
 * presenter ended the room; `reconnecting` a lost connection or a server restart (`event:
 * restarting`), which the browser reconnects by itself.
 */
export function useRoomStream(
  roomId: string | null,
  followerId?: string | null,
  /** Changing it opens the stream again (after a refusal that did not end the room). */
  attempt = 0,
): RoomStream {
  const [state, setState] = useState<RoomState | null>(null);
  const [status, setStatus] = useState<RoomStreamStatus>('connecting');
  const [closedReason, setClosedReason] = useState<'closed' | 'expired' | null>(null);

  useEffect(() => {
    if (!roomId || followerId === null) return;
    const url = `${livePaths.roomEvents(roomId)}${followerId ? `?follower=${encodeURIComponent(followerId)}` : ''}`;
    const es = new EventSource(url);
    let gotAny = false;
    es.addEventListener('state', (e) => {
      gotAny = true;
      const next = JSON.parse((e as MessageEvent<string>).data) as RoomState;
      setState((prev) =>
        prev && prev.id === next.id && prev.version > next.version ? prev : next,
      );
      setStatus('live');
      setClosedReason(null);
    });
    // The server is restarting: the browser reconnects at once (its retry is now short) and the
    // room goes on; this is never the presenter ending the session.
    es.addEventListener('restarting', () => setStatus('reconnecting'));
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
  }, [roomId, followerId, attempt]);

  return { state: roomId ? state : null, status: roomId ? status : 'idle', closedReason };
}
