'use client';

import { livePaths, ROOM_KEY_HEADER } from '@/lib/live/protocol';
import { forgetStoredRooms, storedRooms, type StoredRoom } from './room-storage';

/** How long sign-out waits for the rooms to end before it goes on anyway. */
const END_ROOMS_WAIT_MS = 3_000;

/** Ends each room (DELETE with its key): its followers are told the session ended. */
function endRooms(rooms: readonly StoredRoom[]): Promise<unknown> {
  return Promise.allSettled(
    rooms.map((room) =>
      fetch(livePaths.room(room.id), {
        method: 'DELETE',
        headers: { [ROOM_KEY_HEADER]: room.key },
      }),
    ),
  );
}

/**
 * Ends the presenter's session (the server clears the HttpOnly cookie). First it ends the rooms
 * this browser presents and forgets them: once signed out, nobody could move them on, and their
 * followers would wait on a step forever; ended, their pages let them go on alone. Without
 * script it only signs out (the rooms are then kept, and the page takes them up again).
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form
      method="post"
      action={livePaths.presenterSession}
      onSubmit={(e) => {
        const rooms = storedRooms();
        forgetStoredRooms();
        if (rooms.length === 0) return; // the form's own submit
        e.preventDefault();
        const form = e.currentTarget;
        const waited = new Promise((resolve) => setTimeout(resolve, END_ROOMS_WAIT_MS));
        void Promise.race([endRooms(rooms), waited]).finally(() => form.submit());
      }}
    >
      <input type="hidden" name="action" value="sign-out" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
