'use client';

import { livePaths } from '@/lib/live/protocol';
import { forgetStoredRooms } from './room-storage';

/**
 * Ends the presenter's session (the server clears the HttpOnly cookie) and forgets the rooms this
 * browser kept, so whoever signs in here next does not take them up; works without script (the
 * rooms are then kept).
 */
export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form method="post" action={livePaths.presenterSession} onSubmit={forgetStoredRooms}>
      <input type="hidden" name="action" value="sign-out" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
