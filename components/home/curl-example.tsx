import { CopyButton } from '@/components/modes/copy-button';

/** Copy-paste commands that run the flow from a terminal against this very server. */
export function CurlExample({ origin }: { origin: string }) {
  const token = `curl -X POST ${origin}/token -H "Content-Type: application/x-www-form-urlencoded" -d "client_id=myapp123&client_secret=secret456&grant_type=client_credentials"`;
  const api = `curl ${origin}/api/data -H "Authorization: Bearer <access_token from the first command>"`;
  return (
    <div className="space-y-3">
      {[
        { label: '1. Get a token', text: token },
        { label: '2. Call the API with it', text: api },
      ].map((c) => (
        <figure key={c.label} className="border-line bg-surface rounded-lg border">
          <figcaption className="border-line flex items-center justify-between gap-2 border-b px-3 py-2 text-sm font-medium">
            {c.label}
            <CopyButton text={c.text} label={`command: ${c.label}`} />
          </figcaption>
          <pre className="overflow-x-auto p-3 font-mono text-sm break-all whitespace-pre-wrap">
            <code>{c.text}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}
