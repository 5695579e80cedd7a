import type { PublicClientCard } from '@/lib/oauth/client-cards';

/** The registered clients with their (public, demo) secrets, scopes and token lifetimes. */
export function ClientTable({ clients }: { clients: readonly PublicClientCard[] }) {
  return (
    // On a phone the table scrolls sideways in its own box, which the keyboard can reach too.
    <div
      className="border-line bg-surface overflow-x-auto rounded-lg border"
      role="region"
      aria-label="Demo client table"
      tabIndex={0}
    >
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Demo clients registered with the authorization server</caption>
        <thead className="bg-raised text-muted text-xs tracking-wide uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-mono tracking-normal normal-case">
              client_id
            </th>
            <th scope="col" className="px-3 py-2 font-mono tracking-normal normal-case">
              client_secret
            </th>
            <th scope="col" className="px-3 py-2">
              Allowed scopes (default)
            </th>
            <th scope="col" className="px-3 py-2">
              Token lifetime
            </th>
            <th scope="col" className="px-3 py-2">
              What it shows
            </th>
          </tr>
        </thead>
        <tbody className="divide-line divide-y">
          {clients.map((c) => {
            return (
              <tr key={c.clientId} className="align-top">
                <th
                  scope="row"
                  className="text-client px-3 py-2 font-mono font-semibold whitespace-nowrap"
                >
                  {c.clientId}
                </th>
                <td className="px-3 py-2 font-mono whitespace-nowrap">
                  {c.secret ?? <span className="text-muted font-sans">not shown</span>}
                </td>
                <td className="px-3 py-2">
                  <span className="font-mono">{c.scopes}</span>
                  {c.defaultScope !== null && (
                    <span className="text-muted"> (default {c.defaultScope})</span>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {c.lifetime !== null ? (
                    <span className={c.lifetime < 60 ? 'text-warn font-medium' : undefined}>
                      {c.lifetime} s
                    </span>
                  ) : (
                    <span className="text-err font-medium">grant not allowed</span>
                  )}
                </td>
                <td className="text-muted px-3 py-2">{c.purpose}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
