import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { livePaths } from '@/lib/live/protocol';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { SIGN_IN_ERRORS, type SignInError } from '@/lib/server/instructor-session';
import { SignInForm } from './sign-in-form';

/** The query a presenter page may get: the printed link's key, a failed sign-in's reason. */
export type SignInQuery = {
  key?: string | string[];
  signin?: string | string[];
  retry?: string | string[];
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

/**
 * Shows `children` (a presenter page) only to the signed-in presenter, else the sign-in form.
 * `?key=` (the printed link) goes to the server's sign-in, which answers with the cookie and a
 * redirect back here without the key, so it leaves the address bar before any script runs.
 */
export async function SignInGate({
  path,
  query,
  children,
}: {
  path: string;
  query: SignInQuery;
  children: ReactNode;
}) {
  const key = one(query.key);
  if (key) redirect(`${livePaths.presenterSession}?${new URLSearchParams({ key, next: path })}`);
  const refused = await requirePresenter(
    new Request(new URL(path, 'http://localhost'), { headers: await headers() }),
  );
  if (!refused) return children;
  const reason = one(query.signin);
  const error = SIGN_IN_ERRORS.find((e): e is SignInError => e === reason);
  const retry = Number(one(query.retry));
  return <SignInForm next={path} {...(error ? { error } : {})} {...(retry > 0 ? { retry } : {})} />;
}
