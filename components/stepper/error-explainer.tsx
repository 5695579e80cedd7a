import type { TraceError } from '@/lib/engine/step-record';

/** The server's real error, what it means, and the RFC section that defines it. */
export function ErrorExplainer({ error }: { error: TraceError }) {
  const who = error.source === 'token' ? 'The authorization server' : 'The API';
  return (
    <div
      className="border-err bg-err-soft rounded-md border p-3 text-sm"
      data-testid="error-explainer"
    >
      <p className="font-semibold">
        <span aria-hidden="true">✗ </span>
        {who} answered {error.status}
        {error.code ? (
          <>
            {' '}
            <code className="font-mono">{error.code}</code>
          </>
        ) : null}
      </p>
      {error.description && <p className="mt-1">“{error.description}”</p>}
      {error.explanation && (
        <p className="mt-1">
          {error.explanation.meaning}{' '}
          <a
            href={error.explanation.url}
            className="font-medium underline"
            target="_blank"
            rel="noreferrer"
          >
            {error.explanation.rfc}
          </a>
        </p>
      )}
    </div>
  );
}
