/**
 * The client registry: who may ask the authorization server for tokens, with which secret, for
 * which scopes and for how long. The demo clients are public teaching credentials; a deployment
 * can replace them with a JSON file or an environment variable (see `client-config.ts`).
 */
import type { JwkSet } from '../protocol/registration';
import { PRESENTER_SCOPE, type Scope } from './scopes';

/** The grant types a client may be allowed. FlowLab implements only client credentials. */
export const GRANT_TYPES = ['client_credentials', 'authorization_code'] as const;
/** A grant type a client may be allowed. */
export type GrantType = (typeof GRANT_TYPES)[number];

/**
 * How a client proves who it is: a shared secret (configured clients: the plain secret, which a
 * page may publish for the demo clients; registered clients: only its SHA-256), or a client
 * assertion signed with a private key whose public key is in `jwks` (private_key_jwt).
 * A configured secret client may use client_secret_basic or client_secret_post; a registered
 * one only the `token_endpoint_auth_method` it registered (RFC 7591 §2).
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export type ClientCredential =
  | { readonly method: 'client_secret'; readonly secret: string }
  | {
      readonly method: 'client_secret_sha256';
      readonly sha256: Uint8Array;
      /** The one way the client registered to send its secret. */
      readonly sends: 'client_secret_basic' | 'client_secret_post';
    }
  | { readonly method: 'private_key_jwt'; readonly jwks: JwkSet };

/** What a client registered through `/register` carries besides its credential. */
export interface RegistrationState {
  /** Epoch ms when the registration expires unless used again. */
  readonly expiresAt: number;
  /** Seconds this client's clock runs ahead of the server's (0..86400); this client only. */
  readonly clockOffset: number;
}

/** A registered confidential client. */
export interface RegisteredClient {
  readonly clientId: string;
  readonly credential: ClientCredential;
  readonly allowedScopes: readonly Scope[];
  /** Granted when the request names no scope. */
  readonly defaultScopes: readonly Scope[];
  readonly grantTypes: readonly GrantType[];
  /** Access token lifetime, seconds. */
  readonly tokenLifetime: number;
  /** What the client is for, in plain words. */
  readonly description: string;
  /**
   * Whether wrong secrets lock this client out for a while (default true). Off only for clients
   * whose secret is published anyway, such as the lesson's demo clients: a room full of learners
   * running the wrong-secret scenario must not lock the lesson out.
   */
  readonly lockout?: boolean;
  /**
   * Whether this client is a resource server that may introspect any client's tokens (default
   * false): every other client may introspect only its own (RFC 7662 §4, against token scanning).
   */
  readonly introspectAny?: boolean;
  /** Present for a client registered through `/register` (a learner's), absent otherwise. */
  readonly registration?: RegistrationState;
}

/** Looks clients up by id; replaceable by any implementation (a database, a file ...). */
export interface ClientRegistry {
  get(clientId: string): RegisteredClient | undefined;
  list(): readonly RegisteredClient[];
}

/** A registry over a fixed list of clients. */
export function createClientRegistry(clients: readonly RegisteredClient[]): ClientRegistry {
  const byId = new Map(clients.map((c) => [c.clientId, c] as const));
  if (byId.size !== clients.length) throw new Error('Client ids must be unique.');
  return { get: (id) => byId.get(id), list: () => clients };
}

/** The instructor's client id: a confidential client of FlowLab's own authorization server. */
export const INSTRUCTOR_CLIENT_ID = 'instructor';

/** How long an instructor's token (and so a presenter's sign-in) lasts: a teaching day. */
export const INSTRUCTOR_TOKEN_LIFETIME = 8 * 3600;

/**
 * The instructor client, whose secret is the instructor key (`FLOWLAB_INSTRUCTOR_KEY` or the
 * generated one): the only client allowed {@link PRESENTER_SCOPE}. Wrong keys lock it out like
 * any other confidential client.
 */
export function instructorClient(key: string): RegisteredClient {
  return {
    clientId: INSTRUCTOR_CLIENT_ID,
    credential: { method: 'client_secret', secret: key },
    allowedScopes: [PRESENTER_SCOPE],
    defaultScopes: [PRESENTER_SCOPE],
    grantTypes: ['client_credentials'],
    tokenLifetime: INSTRUCTOR_TOKEN_LIFETIME,
    description: 'The instructor: presenter view, live feed, rooms and polls.',
    lockout: true,
  };
}

/**
 * The registry plus the instructor client (whose id the configuration may not use). `list()`
 * still lists only the configured clients: pages print those secrets, never the instructor's.
 */
export function withInstructor(registry: ClientRegistry, key: string): ClientRegistry {
  const instructor = instructorClient(key);
  return {
    get: (id) => (id === INSTRUCTOR_CLIENT_ID ? instructor : registry.get(id)),
    list: () => registry.list(),
  };
}
