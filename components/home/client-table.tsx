import type { RegisteredClient } from '@/lib/oauth/clients';

/** The registered clients with their (public, demo) secrets, scopes and token lifetimes. */
export function ClientTable({ clients }: { clients: readonly RegisteredClient[] }) {
  return (
    <div className="border-line bg-surface overflow-x-auto rounded-lg border">
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
            const allowed = c.grantTypes.includes('client_credentials');
            return (
              <tr key={c.clientId} className="align-top">
                <th
                  scope="row"
                  className="text-client px-3 py-2 font-mono font-semibold whitespace-nowrap"
                >
                  {c.clientId}
                </th>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{c.clientSecret}</td>
                <td className="px-3 py-2">
                  <span className="font-mono">{c.allowedScopes.join(' ')}</span>
                  {c.defaultScopes.join(' ') !== c.allowedScopes.join(' ') && (
                    <span className="text-muted"> (default {c.defaultScopes.join(' ')})</span>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {allowed ? (
                    <span className={c.tokenLifetime < 60 ? 'text-warn font-medium' : undefined}>
                      {c.tokenLifetime} s
                    </span>
                  ) : (
                    <span className="text-err font-medium">grant not allowed</span>
                  )}
                </td>
                <td className="text-muted px-3 py-2">{c.description}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
