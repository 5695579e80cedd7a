/**
 * FlowLab's authorization server and protected API as plain web-standard handlers
 * (`Request -> Response`). Route handlers, the bare node:http adapter and the tests all call these.
 */
import {
  API_PATH,
  AS_METADATA_PATH,
  INTROSPECT_PATH,
  JWKS_PATH,
  RESOURCE_METADATA_PATH,
  REVOKE_PATH,
  TOKEN_PATH,
} from '../protocol/paths';
import type { ClientRegistry } from './clients';
import { toWebResponse, type CoreRequest, type CoreResponse } from './http';
import { resolveDeps, type AuthServerDeps } from './context';
import {
  authorizationServerMetadataEndpoint,
  jwksEndpoint,
  protectedResourceMetadataEndpoint,
} from './metadata';
import { requireScope } from './bearer-auth';
import {
  manageRegistrationEndpoint,
  registerEndpoint,
  type RegistrationAction,
} from './registration-endpoint';
import { resourceEndpoint } from './resource-endpoint';
import type { Scope } from './scopes';
import type { StateStore } from './state-store';
import { tokenEndpoint } from './token-endpoint';
import { introspectionEndpoint, revocationEndpoint } from './token-management';

/** What an authorization server is built from (re-exported). */
export type { AuthServerDeps } from './context';
/** The framework-free request the handlers take (re-exported). */
export type { CoreRequest } from './http';

/** The handlers by route name, each taking a {@link CoreRequest}. */
export type RouteName =
  | 'token'
  | 'api'
  | 'introspect'
  | 'revoke'
  | 'authorizationServerMetadata'
  | 'protectedResourceMetadata'
  | 'jwks';

/** The authorization server and protected API: one handler per route. */
export interface AuthServer {
  /** `POST /token` */
  token(request: CoreRequest): Promise<Response>;
  /** `GET /api/data` */
  api(request: CoreRequest): Promise<Response>;
  /** `POST /introspect` */
  introspect(request: CoreRequest): Promise<Response>;
  /** `POST /revoke` */
  revoke(request: CoreRequest): Promise<Response>;
  /** `GET /.well-known/oauth-authorization-server` */
  authorizationServerMetadata(request: CoreRequest): Response;
  /** `GET /.well-known/oauth-protected-resource/api` (RFC 9728 §3.1 for the resource `<issuer>/api`) */
  protectedResourceMetadata(request: CoreRequest): Response;
  /** `GET /.well-known/jwks.json` */
  jwks(request: CoreRequest): Response;
  /**
   * Guards another protected resource with the `/api/data` token check: null when the request's
   * bearer token grants `scope`, else the RFC 6750 answer (401 / 403 `insufficient_scope`).
   */
  requireScope(request: CoreRequest, scope: Scope): Promise<Response | null>;
  /** `POST /register`; its per-caller limit counts `request.caller`. */
  register(request: CoreRequest): Promise<Response>;
  /** `GET` / `DELETE /register/<id>`, `POST .../secret`, `PUT .../clock`. */
  manageRegistration(
    request: CoreRequest,
    clientId: string,
    action: RegistrationAction,
  ): Promise<Response>;
  /**
   * The same handlers answering plain {@link CoreResponse} records, for adapters that write the
   * response themselves (node:http) and need no web `Response` in between.
   */
  readonly core: Readonly<
    Record<RouteName, (request: CoreRequest) => CoreResponse | Promise<CoreResponse>>
  >;
  readonly clients: ClientRegistry;
  readonly state: StateStore;
}

/** The paths each handler answers, for adapters that route by path. */
export const ROUTES = {
  [TOKEN_PATH]: 'token',
  [API_PATH]: 'api',
  [INTROSPECT_PATH]: 'introspect',
  [REVOKE_PATH]: 'revoke',
  [AS_METADATA_PATH]: 'authorizationServerMetadata',
  [RESOURCE_METADATA_PATH]: 'protectedResourceMetadata',
  [JWKS_PATH]: 'jwks',
} as const satisfies Record<string, RouteName>;

/**
 * Builds the server from injected dependencies (clients, signing key, state store, clock, event
 * sink). Nothing here reads the environment: see `loadAuthServerDeps` for that.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export function createAuthServer(deps: AuthServerDeps): AuthServer {
  const ctx = resolveDeps(deps);
  const core: AuthServer['core'] = {
    token: (r) => tokenEndpoint(ctx, r),
    api: (r) => resourceEndpoint(ctx, r),
    introspect: (r) => introspectionEndpoint(ctx, r),
    revoke: (r) => revocationEndpoint(ctx, r),
    authorizationServerMetadata: (r) => authorizationServerMetadataEndpoint(ctx, r),
    protectedResourceMetadata: (r) => protectedResourceMetadataEndpoint(ctx, r),
    jwks: () => jwksEndpoint(ctx),
  };
  const web =
    (route: 'token' | 'api' | 'introspect' | 'revoke') =>
    async (r: CoreRequest): Promise<Response> =>
      toWebResponse(await core[route](r));
  return {
    token: web('token'),
    api: web('api'),
    introspect: web('introspect'),
    revoke: web('revoke'),
    authorizationServerMetadata: (r) => toWebResponse(authorizationServerMetadataEndpoint(ctx, r)),
    protectedResourceMetadata: (r) => toWebResponse(protectedResourceMetadataEndpoint(ctx, r)),
    jwks: () => toWebResponse(jwksEndpoint(ctx)),
    requireScope: async (r, scope) => {
      const refused = await requireScope(ctx, r, scope);
      return refused && toWebResponse(refused);
    },
    register: async (r) => toWebResponse(await registerEndpoint(ctx, r)),
    manageRegistration: async (r, id, action) =>
      toWebResponse(await manageRegistrationEndpoint(ctx, r, id, action)),
    core,
    clients: ctx.clients,
    state: ctx.state,
  };
}
