import { livePaths } from '@/lib/live/protocol';

/** Ends the presenter's session (the server clears the HttpOnly cookie); works without script. */
export function SignOutButton({ className = '' }: { className?: string }) {
  return (
    <form method="post" action={livePaths.presenterSession}>
      <input type="hidden" name="action" value="sign-out" />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
