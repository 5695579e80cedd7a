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
 * (the room or this follower id no longer exists, a cap was reached, or the server could not
 * reach its store): the browser will not retry that by itself, so the caller finds out why and
 * opens it again with a new `attempt`, which starts over at `connecting`. `closed` means the
 * presenter ended the room; `reconnecting` a lost connection or a server restart (`event:
 * restarting`), which the browser reconnects by itself.
 */
export function useRoomStream(
  roomId: string | null,
  followerId?: string | null,
  /** Changing it opens the stream again (after a refusal that did not end the room). */
  attempt = 0,
  /** Closes the stream until false again (a hidden tab): the state stays, a snapshot follows. */
  paused = false,
): RoomStream {
  const [state, setState] = useState<RoomState | null>(null);
  // the status of one connection: a new one (another follower id or attempt) starts at connecting
  const connection = `${roomId}|${followerId}|${attempt}`;
  const [reported, setReported] = useState({
    connection,
    status: 'connecting' as RoomStreamStatus,
  });
  const status = reported.connection === connection ? reported.status : 'connecting';
  const [closedReason, setClosedReason] = useState<'closed' | 'expired' | null>(null);

  useEffect(() => {
    if (!roomId || followerId === null || paused) return;
    const setStatus = (next: (s: RoomStreamStatus) => RoomStreamStatus) =>
      setReported((r) => ({
        connection,
        status: next(r.connection === connection ? r.status : 'connecting'),
      }));
    const url = `${livePaths.roomEvents(roomId)}${followerId ? `?follower=${encodeURIComponent(followerId)}` : ''}`;
    const es = new EventSource(url);
    // The first state of each connection is the server's snapshot, so it is taken whatever its
    // version: a room restored after a crash may be a few changes behind what this page saw.
    // Later states of the connection never move the room back.
    let snapshot = true;
    es.onopen = () => {
      snapshot = true;
    };
    es.addEventListener('state', (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as RoomState;
      const take = snapshot;
      snapshot = false;
      setState((prev) =>
        !take && prev && prev.id === next.id && prev.version > next.version ? prev : next,
      );
      setStatus(() => 'live');
      setClosedReason(null);
    });
    // The server is restarting: the browser reconnects at once (its retry is now short) and the
    // room goes on; this is never the presenter ending the session.
    es.addEventListener('restarting', () => setStatus(() => 'reconnecting'));
    es.addEventListener('closed', (e) => {
      const { reason } = JSON.parse((e as MessageEvent<string>).data) as {
        reason: 'closed' | 'expired';
      };
      setClosedReason(reason);
      setStatus(() => 'closed');
      es.close();
    });
    es.onerror = () => {
      // A non-200 answer (404: room ended or follower forgotten; 409, 429, 503: a cap or the
      // store) closes an EventSource for good, even after it had been live.
      if (es.readyState === EventSource.CLOSED) setStatus((s) => (s === 'closed' ? s : 'gone'));
      else setStatus(() => 'reconnecting');
    };
    return () => es.close();
  }, [roomId, followerId, attempt, connection, paused]);

  return { state: roomId ? state : null, status: roomId ? status : 'idle', closedReason };
}
