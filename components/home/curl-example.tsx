import { CopyButton } from '@/components/modes/copy-button';
import { toCurl } from '@/lib/protocol/render';
import { buildApiRequest, buildTokenRequest, lessonTokenSettings } from '@/lib/protocol/requests';

/**
 * Copy-paste commands that run the flow from a terminal against this very server, rendered from
 * the same request records the lesson sends.
 */
export function CurlExample({ origin }: { origin: string }) {
  const token = toCurl(buildTokenRequest(lessonTokenSettings, origin), ' ');
  const api = toCurl(buildApiRequest('<access_token from the first command>', origin), ' ');
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
