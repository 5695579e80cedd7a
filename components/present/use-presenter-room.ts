'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ROOM_KEY_HEADER, livePaths, type CreateRoomResponse } from '@/lib/live/protocol';
import type { PresenterState } from '@/lib/live/room-state';
import { usePageVisible } from '@/components/ui/use-page-visible';
import { useRoomStream } from '@/components/live/use-room-stream';
import { useStoredRoom } from './room-storage';

/**
 * The presenter's side of a follow-me room: create and close it, push the current step (the
 * latest position wins; requests never pile up), and run polls. The room's live state (follower
 * count, votes) comes back over the room's SSE stream.
 */
export function usePresenterRoom(
  lesson: string,
  current: PresenterState,
  /**
   * Moves the presenter to a room's position, for a room this page did not open (kept from
   * before a reload, or from a presenter tab closed since); false when it cannot (a scenario
   * this page does not know).
   */
  onResume: (at: PresenterState) => boolean,
) {
  const [room, setRoom] = useStoredRoom(lesson);
  const createdHere = useRef<string | null>(null);
  const resumeWith = useRef(onResume);
  useEffect(() => {
    resumeWith.current = onResume;
  });
  const [attempt, setAttempt] = useState(0);
  // a hidden tab's stream closes (usePageVisible): another presenter tab keeps its connections
  const stream = useRoomStream(room?.id ?? null, undefined, attempt, !usePageVisible());
  const [error, setError] = useState<string | null>(null);
  // A room kept from an earlier page is shown once the server has answered for it (its stream's
  // state, or the check after a refused stream): one that ended meanwhile is dropped unseen.
  const [known, setKnown] = useState<string | null>(null);
  const checking = room !== null && known !== room.id && stream.state?.id !== room.id;
  const pending = useRef<PresenterState | null>(null);
  const inFlight = useRef(false);

  const call = useCallback(
    async (path: string, method: string, body?: unknown): Promise<Response | null> => {
      if (!room) return null;
      const res = await fetch(path, {
        method,
        headers: {
          [ROOM_KEY_HEADER]: room.key,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (res.status === 404) setRoom(null);
      setError(res.ok ? null : `The room answered ${res.status}.`);
      return res;
    },
    [room, setRoom],
  );

  // A room this page did not open keeps its position: the presenter takes it up from the
  // room's first state instead of pushing the page's Start to every follower.
  const resume = useRef<{ roomId: string; target: PresenterState | null } | null>(null);
  useEffect(() => {
    if (!room || createdHere.current === room.id || resume.current?.roomId === room.id) return;
    if (stream.state?.id !== room.id) return; // the room's position is not known yet
    const target = { scenario: stream.state.scenario, step: stream.state.step };
    resume.current = { roomId: room.id, target: resumeWith.current(target) ? target : null };
  }, [room, stream.state]);

  // Followers follow: every move of the presenter is pushed to the room, latest position wins.
  useEffect(() => {
    if (!room) return;
    if (createdHere.current !== room.id) {
      const resumed = resume.current?.roomId === room.id ? resume.current : null;
      if (!resumed) return; // nothing is pushed before the room's position is taken up
      if (resumed.target) {
        const there =
          resumed.target.scenario === current.scenario && resumed.target.step === current.step;
        // the room has this position: later moves are pushed
        if (there) resume.current = { roomId: room.id, target: null };
        return;
      }
    }
    pending.current = current;
    if (inFlight.current) return;
    inFlight.current = true;
    void (async () => {
      try {
        while (pending.current) {
          const state = pending.current;
          pending.current = null;
          await call(livePaths.roomState(room.id), 'PUT', state);
        }
      } catch {
        setError('Could not reach the server to update the room.');
      } finally {
        inFlight.current = false;
      }
    })();
  }, [room, current, call]);

  // Back after a lost connection or a server restart: a move made meanwhile may not have
  // reached the room, so the current position is pushed again (the room itself goes on).
  const reconnected = useRef(false);
  useEffect(() => {
    if (stream.status === 'reconnecting') reconnected.current = true;
    if (stream.status !== 'live' || !reconnected.current || !room || !stream.state) return;
    reconnected.current = false;
    if (stream.state.scenario === current.scenario && stream.state.step === current.step) return;
    const at = room.id;
    void (async () => {
      try {
        await call(livePaths.roomState(at), 'PUT', current);
      } catch {
        setError('Could not reach the server to update the room.');
      }
    })();
  }, [stream.status, stream.state, room, current, call]);

  // The room ended: drop it here too. A refused stream drops it only when the server no longer
  // knows the room (expired, or the server restarted); refused by a limit, the presenter keeps
  // the room and its key and the stream is tried again.
  useEffect(() => {
    if (stream.status === 'closed') {
      setRoom(null);
      return;
    }
    if (stream.status !== 'gone' || !room) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void fetch(livePaths.room(room.id), { cache: 'no-store' })
      .then((res) => {
        if (cancelled) return;
        if (res.status === 404) return setRoom(null);
        setKnown(room.id);
        retry = setTimeout(() => setAttempt((n) => n + 1), 3000);
      })
      .catch(() => {
        if (!cancelled) retry = setTimeout(() => setAttempt((n) => n + 1), 3000);
      });
    return () => {
      cancelled = true;
      if (retry !== undefined) clearTimeout(retry);
    };
  }, [stream.status, room, setRoom]);

  const create = useCallback(async () => {
    setError(null);
    const res = await fetch(livePaths.rooms, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lesson, ...current }),
    });
    if (!res.ok) {
      setError(
        res.status === 503
          ? 'Too many rooms are open on this server.'
          : res.status === 429
            ? 'Too many requests right now: try again in a few seconds.'
            : `Could not open a room (${res.status}).`,
      );
      return;
    }
    const created = (await res.json()) as CreateRoomResponse;
    createdHere.current = created.id; // opened at this position: every move is pushed at once
    setKnown(created.id);
    setRoom({ id: created.id, key: created.key, joinPath: created.joinPath });
  }, [lesson, current, setRoom]);

  const close = useCallback(async () => {
    if (!room) return;
    await call(livePaths.room(room.id), 'DELETE');
    setRoom(null);
  }, [call, room, setRoom]);

  const openPoll = useCallback(
    (questionId: string) =>
      room ? call(livePaths.roomPoll(room.id), 'POST', { questionId }) : null,
    [call, room],
  );
  const revealPoll = useCallback(
    () => (room ? call(livePaths.roomPollReveal(room.id), 'POST') : null),
    [call, room],
  );
  const closePoll = useCallback(
    () => (room ? call(livePaths.roomPoll(room.id), 'DELETE') : null),
    [call, room],
  );
  const setJoining = useCallback(
    (open: boolean) => (room ? call(livePaths.roomJoining(room.id), 'PUT', { open }) : null),
    [call, room],
  );

  return {
    room,
    /** The room was kept from an earlier page and the server has not answered for it yet. */
    checking,
    state: stream.state,
    status: stream.status,
    error,
    create,
    close,
    openPoll,
    revealPoll,
    closePoll,
    setJoining,
  };
}

/** What {@link usePresenterRoom} returns: the room and the actions on it. */
export type PresenterRoom = ReturnType<typeof usePresenterRoom>;
