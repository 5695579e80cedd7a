import { livePaths } from '@/lib/live/protocol';
import type { SignInError } from '@/lib/server/instructor-session';

const messages: Readonly<Record<SignInError, (retry?: number) => string>> = {
  'wrong-key': () => 'That is not the instructor key.',
  locked: (retry) =>
    `Too many wrong keys: the instructor is locked out for ${retry ?? 60} s, whatever key is sent.`,
  'cross-site': () => 'The sign-in did not come from this page; sign in here.',
};

/**
 * The presenter's sign-in: a plain form (no JavaScript) that posts the instructor key to the
 * server, which sets the HttpOnly session cookie. Learners never need it.
 */
export function SignInForm({
  next,
  error,
  retry,
}: {
  next: string;
  error?: SignInError;
  retry?: number;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
      <h1 className="text-2xl font-bold">Instructor sign-in</h1>
      <p className="text-muted">
        The presenter view shows every learner&rsquo;s requests and runs rooms and polls, so it
        needs the instructor key. Learners need no key: every learning mode and following a room
        work without signing in.
      </p>
      <form method="post" action={livePaths.presenterSession} className="flex flex-col gap-3">
        <input type="hidden" name="next" value={next} />
        <label htmlFor="instructor-key" className="font-semibold">
          Instructor key
        </label>
        <input
          id="instructor-key"
          name="key"
          type="password"
          required
          autoComplete="current-password"
          spellCheck={false}
          className="border-line bg-surface rounded-md border px-3 py-2 font-mono"
        />
        <button
          type="submit"
          className="bg-accent text-bg self-start rounded-md border border-transparent px-3 py-1.5 font-medium hover:opacity-90"
        >
          Sign in
        </button>
      </form>
      {error && (
        <p role="alert" className="text-err font-medium">
          {messages[error](retry)}
        </p>
      )}
      <p className="text-muted text-sm">
        The key is printed as a ready link in the terminal where FlowLab started (or it is the value
        of <code>FLOWLAB_INSTRUCTOR_KEY</code>). A script gets the same access with the client
        credentials grant: client <code>instructor</code>, the key as its secret,{' '}
        <code>scope=live:present</code>.
      </p>
    </div>
  );
}
