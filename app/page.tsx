import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">FlowLab</h1>
      <p className="mt-3 max-w-2xl text-muted">
        Learn the OAuth 2.0 client credentials flow by stepping through it against a real
        authorization server and a real protected API that run inside this app.
      </p>
      <Link
        href="/learn/client-credentials"
        className="mt-6 inline-block rounded-md bg-client px-4 py-2 font-medium text-white"
      >
        Start the lesson
      </Link>
    </div>
  );
}
