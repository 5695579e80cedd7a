import {
  API_PATH,
  AS_METADATA_PATH,
  INTROSPECT_PATH,
  JWKS_PATH,
  RESOURCE_METADATA_PATH,
  REVOKE_PATH,
  TOKEN_PATH,
} from '@/lib/protocol/paths';

const ENDPOINTS = [
  {
    method: 'POST',
    path: TOKEN_PATH,
    what: 'Token endpoint: trades client credentials for an access token (client credentials grant).',
    actor: 'authz',
  },
  {
    method: 'GET',
    path: API_PATH,
    what: 'The protected API: answers with demo data when the bearer token has the data:read scope.',
    actor: 'api',
  },
  {
    method: 'POST',
    path: INTROSPECT_PATH,
    what: 'Token introspection (RFC 7662): a client asks whether its own token is active; a resource server may ask about any.',
    actor: 'authz',
  },
  {
    method: 'POST',
    path: REVOKE_PATH,
    what: 'Token revocation (RFC 7009): the owning client withdraws its token.',
    actor: 'authz',
  },
  {
    method: 'GET',
    path: AS_METADATA_PATH,
    what: 'Authorization server metadata (RFC 8414): where every endpoint is and what it supports.',
    actor: 'authz',
  },
  {
    method: 'GET',
    path: RESOURCE_METADATA_PATH,
    what: 'Protected resource metadata (RFC 9728): the API’s identifier, scopes and server.',
    actor: 'api',
  },
  {
    method: 'GET',
    path: JWKS_PATH,
    what: 'The public key that verifies the access tokens’ signatures (JWKS).',
    actor: 'authz',
  },
] as const;

const BADGE = { authz: 'bg-authz-soft text-authz', api: 'bg-api-soft text-api' } as const;

/** The endpoints FlowLab serves, each with its method and one line on what it does. */
export function EndpointList() {
  return (
    <ul className="divide-line border-line bg-surface divide-y rounded-lg border">
      {ENDPOINTS.map((e) => (
        <li
          key={e.path}
          className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:gap-3"
        >
          <span className="flex items-baseline gap-2 sm:w-[27rem] sm:shrink-0">
            <span
              className={`w-12 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-bold ${BADGE[e.actor]}`}
            >
              {e.method}
            </span>
            <code className="font-mono text-sm break-all">{e.path}</code>
          </span>
          <span className="text-muted text-sm">{e.what}</span>
        </li>
      ))}
    </ul>
  );
}
