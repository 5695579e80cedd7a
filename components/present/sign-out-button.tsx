'use client';

import { livePaths, ROOM_KEY_HEADER } from '@/lib/live/protocol';
import { forgetStoredRooms, storedRooms, type StoredRoom } from './room-storage';

/** How long sign-out waits for the rooms to end before it goes on anyway. */
const END_ROOMS_WAIT_MS = 3_000;

/**
 * Ends each room (DELETE with its key): its followers are told the session ended. Answers the
 * ids of the rooms that are over (ended now, or gone already); `keepalive` lets a request still
 * under way when the page leaves get out.
 */
async function endRooms(rooms: readonly StoredRoom[]): Promise<Set<string>> {
  const ended = new Set<string>();
  await Promise.all(
    rooms.map(async (room) => {
      const res = await fetch(livePaths.room(room.id), {
        method: 'DELETE',
        headers: { [ROOM_KEY_HEADER]: room.key },
        keepalive: true,
      }).catch(() => null);
      if (res && (res.ok || res.status === 404)) ended.add(room.id);
    }),
  );
  return ended;
}

/**
 * Ends the presenter's session (the server clears the HttpOnly cookie). First it ends the rooms
 * this browser presents and forgets them: once signed out, nobody could move them on, and their
 * followers would wait on a step forever; ended, their pages let them go on alone. A room the
 * server did not end (unreachable, slow) is kept, so signing in here again takes it up. Without
 * script it only signs out (the rooms are then kept too).
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form
      method="post"
      action={livePaths.presenterSession}
      onSubmit={(e) => {
        const rooms = storedRooms();
        if (rooms.length === 0) return; // the form's own submit
        e.preventDefault();
        const form = e.currentTarget;
        const waited = new Promise<Set<string>>((resolve) =>
          setTimeout(() => resolve(new Set()), END_ROOMS_WAIT_MS),
        );
        void Promise.race([endRooms(rooms), waited]).then((ended) => {
          forgetStoredRooms(ended);
          form.submit();
        });
      }}
    >
      <input type="hidden" name="action" value="sign-out" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
