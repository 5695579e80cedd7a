/**
 * FlowLab's authorization server and protected API as plain web-standard handlers
 * (`Request -> Response`). Route handlers, the bare node:http adapter and the tests all call these.
 */
import type { ClientRegistry } from './clients';
import { resolveDeps, type AuthServerDeps } from './context';
import {
  authorizationServerMetadataEndpoint,
  jwksEndpoint,
  protectedResourceMetadataEndpoint,
} from './metadata';
import { resourceEndpoint } from './resource-endpoint';
import type { StateStore } from './state-store';
import { tokenEndpoint } from './token-endpoint';
import { introspectionEndpoint, revocationEndpoint } from './token-management';

export type { AuthServerDeps } from './context';

export interface AuthServer {
  /** `POST /token` */
  token(request: Request): Promise<Response>;
  /** `GET /api/data` */
  api(request: Request): Promise<Response>;
  /** `POST /introspect` */
  introspect(request: Request): Promise<Response>;
  /** `POST /revoke` */
  revoke(request: Request): Promise<Response>;
  /** `GET /.well-known/oauth-authorization-server` */
  authorizationServerMetadata(request: Request): Response;
  /** `GET /.well-known/oauth-protected-resource` (and `/.well-known/oauth-protected-resource/api`) */
  protectedResourceMetadata(request: Request): Response;
  /** `GET /.well-known/jwks.json` */
  jwks(request: Request): Response;
  readonly clients: ClientRegistry;
  readonly state: StateStore;
}

/** The paths each handler answers, for adapters that route by path. */
export const ROUTES = {
  '/token': 'token',
  '/api/data': 'api',
  '/introspect': 'introspect',
  '/revoke': 'revoke',
  '/.well-known/oauth-authorization-server': 'authorizationServerMetadata',
  '/.well-known/oauth-protected-resource': 'protectedResourceMetadata',
  '/.well-known/oauth-protected-resource/api': 'protectedResourceMetadata',
  '/.well-known/jwks.json': 'jwks',
} as const satisfies Record<string, keyof AuthServer>;

/**
 * Builds the server from injected dependencies (clients, signing key, state store, clock, event
 * sink). Nothing here reads the environment: see `loadAuthServerDeps` for that.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export function createAuthServer(deps: AuthServerDeps): AuthServer {
  const ctx = resolveDeps(deps);
  return {
    token: (r) => tokenEndpoint(ctx, r),
    api: (r) => resourceEndpoint(ctx, r),
    introspect: (r) => introspectionEndpoint(ctx, r),
    revoke: (r) => revocationEndpoint(ctx, r),
    authorizationServerMetadata: (r) => authorizationServerMetadataEndpoint(ctx, r),
    protectedResourceMetadata: (r) => protectedResourceMetadataEndpoint(ctx, r),
    jwks: () => jwksEndpoint(ctx),
    clients: ctx.clients,
    state: ctx.state,
  };
}
