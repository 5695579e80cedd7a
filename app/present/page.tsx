import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInGate, type SignInQuery } from '@/components/present/sign-in-gate';
import { SignOutButton } from '@/components/present/sign-out-button';
import { lessons } from '@/lib/lessons';

/** The tab title of the presenter entry page. */
export const metadata: Metadata = { title: 'Present' };
/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** The instructor's entry point (the printed sign-in link opens it): sign in, pick a lesson. */
export default async function PresentIndexPage({
  searchParams,
}: {
  searchParams: Promise<SignInQuery>;
}) {
  return (
    <SignInGate path="/present" query={await searchParams}>
      <div className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-10">
        <h1 className="text-2xl font-bold">Present a lesson</h1>
        <p className="text-muted">You are signed in as the instructor.</p>
        <ul className="flex flex-col gap-2">
          {lessons.map((l) => (
            <li key={l.slug}>
              <Link
                href={`/present/${l.slug}`}
                className="text-accent font-semibold hover:underline"
              >
                {l.title}
              </Link>
            </li>
          ))}
        </ul>
        <SignOutButton className="border-line hover:bg-raised rounded-md border px-3 py-1.5" />
      </div>
    </SignInGate>
  );
}
