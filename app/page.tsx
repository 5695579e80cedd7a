import Link from 'next/link';
import { ClientTable } from '@/components/home/client-table';
import { CurlExample } from '@/components/home/curl-example';
import { EndpointList } from '@/components/home/endpoint-list';
import { ProgressSummary } from '@/components/progress/progress-summary';
import { lessons } from '@/lib/lessons';
import { parseRateLimit } from '@/lib/oauth/config';
import { listClients } from '@/lib/server/auth';
import { requestOrigin } from '@/lib/server/origin';

/** The home page: what FlowLab is, where to start, this server's endpoints and its demo clients. */
export default async function HomePage() {
  const origin = await requestOrigin();
  const clients = listClients();
  const locked = clients.filter((c) => c.lockout);
  const rate = parseRateLimit(process.env.FLOWLAB_RATE_LIMIT);
  return (
    <div className="mx-auto max-w-5xl space-y-12 px-4 py-10">
      <section aria-labelledby="home-title">
        <h1 id="home-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
          FlowLab
        </h1>
        <p className="text-muted mt-3 max-w-3xl text-lg">
          Learn the OAuth 2.0 <strong className="text-fg">client credentials flow</strong> by
          stepping through it. A <span className="text-client font-medium">client</span> proves who
          it is to an <span className="text-authz font-medium">authorization server</span>, gets an
          access token and calls a <span className="text-api font-medium">protected API</span> with
          it. Both servers really run inside this app: every step sends a real request and shows the
          real answer, errors included.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href="/learn/client-credentials"
            className="bg-client dark:text-bg rounded-md px-4 py-2 font-medium text-white"
          >
            Start the lesson
          </Link>
          <Link
            href="/present/client-credentials"
            className="border-line bg-surface hover:bg-raised rounded-md border px-4 py-2 font-medium"
          >
            Present it (instructor mode)
          </Link>
        </div>
      </section>

      <section aria-labelledby="lessons-title" className="space-y-3">
        <h2 id="lessons-title" className="text-xl font-semibold">
          Lessons
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {lessons.map((l) => (
            <li key={l.slug} className="border-line bg-surface rounded-lg border p-4">
              <h3 className="font-semibold">
                <Link href={`/learn/${l.slug}`} className="underline-offset-2 hover:underline">
                  {l.title}
                </Link>
              </h3>
              <p className="text-muted mt-1 text-sm">{l.summary}</p>
              <p className="mt-2 text-sm">
                <Link
                  href={`/present/${l.slug}`}
                  className="text-accent underline-offset-2 hover:underline"
                >
                  Present “{l.title}”
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      {/* The learner's saved progress (client component; renders after mount). */}
      <ProgressSummary />

      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-xl font-semibold">
          The endpoints
        </h2>
        <p className="text-muted">
          Served at <code className="text-fg font-mono">{origin}</code>. The issuer is this origin,
          and tokens are meant for the API at{' '}
          <code className="text-fg font-mono">{origin}/api</code>.
        </p>
        <EndpointList />
      </section>

      <section aria-labelledby="clients-title" className="space-y-3">
        <h2 id="clients-title" className="text-xl font-semibold">
          Demo clients
        </h2>
        <p className="text-muted">
          These are public teaching credentials, so the secrets are shown. Real secrets never appear
          on a page. Each client can authenticate with HTTP Basic or with{' '}
          <code className="font-mono">client_id</code> and{' '}
          <code className="font-mono">client_secret</code> in the form body. {rate.maxFailures}{' '}
          wrong secrets within {rate.windowMs / 1000} seconds from one address lock a client out,
          for that address, until the window is over.
          {locked.length > 0 && (
            <>
              {' '}
              That applies to{' '}
              {locked.map((c, i) => (
                <span key={c.clientId}>
                  {i > 0 ? ', ' : ''}
                  <code className="font-mono">{c.clientId}</code>
                </span>
              ))}{' '}
              only: the other secrets here are public, so a lockout would protect nothing, and a
              whole room behind one address can replay the error scenarios.
            </>
          )}
        </p>
        <ClientTable clients={clients} />
      </section>

      <section aria-labelledby="terminal-title" className="space-y-3">
        <h2 id="terminal-title" className="text-xl font-semibold">
          Try it from a terminal
        </h2>
        <p className="text-muted">
          The lesson’s token request and API call as curl lines, built for this server:
        </p>
        <CurlExample origin={origin} />
      </section>
    </div>
  );
}
