/** The demo clients: public teaching credentials every FlowLab serves unless configured otherwise. */
import { createClientRegistry, type ClientRegistry, type RegisteredClient } from './clients';
import { parseClientsConfig, type ClientConfigJson } from './client-config';

/** The lesson's main demo client, whose scopes a learner's registered client gets. */
export const LESSON_CLIENT_ID = 'abc';

/**
 * The demo clients every FlowLab serves unless configured otherwise. Their secrets are printed on
 * the home page, so a lockout would protect nothing and would let one learner break a scenario for
 * a whole room behind one address: only `lockout-demo`, whose scenario is the lockout, has one.
 */
export const DEMO_CLIENTS_CONFIG: readonly ClientConfigJson[] = [
  {
    client_id: 'abc',
    lockout: false,
    client_secret: 'xyz',
    scope: 'data:read data:write',
    default_scope: 'data:read',
    description: 'The lesson’s main client (execution table example).',
  },
  {
    client_id: 'myapp123',
    lockout: false,
    client_secret: 'secret456',
    scope: 'data:read',
    description: 'The client of the syntax examples, curl line and Python program.',
  },
  {
    client_id: 'abc123',
    lockout: false,
    client_secret: 'secret456',
    scope: 'data:read',
    description: 'The client of the practice questions.',
  },
  {
    client_id: 'reporting-bot',
    lockout: false,
    client_secret: 'reports-secret',
    scope: 'reports:read',
    description: 'Gets tokens without data:read, so GET /api/data answers 403 insufficient_scope.',
  },
  {
    client_id: 'short-lived',
    lockout: false,
    client_secret: 'short-secret',
    scope: 'data:read',
    token_lifetime: 2,
    description: 'Its tokens live 2 seconds: watch one expire from a terminal.',
  },
  {
    client_id: 'legacy-portal',
    lockout: false,
    client_secret: 'portal-secret',
    scope: 'data:read',
    grant_types: ['authorization_code'],
    description: 'Not allowed the client credentials grant: unauthorized_client.',
  },
  {
    client_id: 'resource-server',
    lockout: false,
    client_secret: 'resource-secret',
    scope: 'data:read',
    introspect_any: true,
    description:
      'A resource server: may introspect any client’s tokens (every other client only its own).',
  },
  {
    client_id: 'lockout-demo',
    client_secret: 'lockout-secret',
    scope: 'data:read',
    description:
      'For the brute-force scenario: lock it out with wrong secrets without locking out the others.',
  },
];

/** The registry of the demo clients. */
export function demoClientRegistry(): ClientRegistry {
  return createClientRegistry(parseClientsConfig(DEMO_CLIENTS_CONFIG));
}

const published = new Set(DEMO_CLIENTS_CONFIG.map((c) => `${c.client_id}\n${c.client_secret}`));

/**
 * Whether the client's secret is one of the demo clients' published teaching secrets (its id and
 * secret are a demo pair), so anyone can authenticate as it: public pages may show that secret,
 * and a full revocation quota evicts the revocation that expires soonest instead of refusing
 * (one learner must not make `/revoke` answer 503 for the whole room, and a dropped revocation
 * gives nobody a token they could not mint with the secret). Never a registered client (only the
 * SHA-256 of its secret is kept), nor a configured client with a secret of its own.
 */
export function hasPublishedSecret(client: RegisteredClient): boolean {
  const c = client.credential;
  return c.method === 'client_secret' && published.has(`${client.clientId}\n${c.secret}`);
}
