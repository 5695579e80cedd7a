/**
 * The view model of a registered client for public pages: what the home page may show of it.
 * A secret appears only when it is one of the built-in demo clients' published teaching secrets.
 */
import type { RegisteredClient } from './clients';
import { hasPublishedSecret } from './demo-clients';

/** One client as a public page shows it. */
export interface PublicClientCard {
  readonly clientId: string;
  /** The published demo secret, or null for any other (configured) client. */
  readonly secret: string | null;
  readonly scopes: string;
  /** The default scope, when it differs from the allowed scopes. */
  readonly defaultScope: string | null;
  /** Token lifetime in seconds; null when the client may not use the client credentials grant. */
  readonly lifetime: number | null;
  readonly purpose: string;
  /** Whether wrong secrets lock it out (the lesson's published demo clients are exempt). */
  readonly lockout: boolean;
}

/** The public cards of a registry's clients, in registry order. */
export function publicClientCards(clients: readonly RegisteredClient[]): PublicClientCard[] {
  return clients.map((c) => {
    const scopes = c.allowedScopes.join(' ');
    const defaults = c.defaultScopes.join(' ');
    return {
      clientId: c.clientId,
      secret:
        c.credential.method === 'client_secret' && hasPublishedSecret(c)
          ? c.credential.secret
          : null,
      scopes,
      defaultScope: defaults === scopes ? null : defaults,
      lifetime: c.grantTypes.includes('client_credentials') ? c.tokenLifetime : null,
      purpose: c.description,
      lockout: c.lockout !== false,
    };
  });
}
