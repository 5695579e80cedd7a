/**
 * Discovery documents: authorization server metadata (RFC 8414), protected resource metadata
 * (RFC 9728) and the JWKS with the public signing key.
 */
import { ASSERTION_ALGS } from '../protocol/client-assertion';
import {
  INTROSPECT_PATH,
  JWKS_PATH,
  REGISTER_PATH,
  REVOKE_PATH,
  TOKEN_PATH,
} from '../protocol/paths';
import { CLIENT_AUTH_METHODS } from './client-auth';
import { issuerFor, publicUrl, resourceFor, type Ctx } from './context';
import { SCOPES } from './scopes';
import { coreJson, type CoreRequest, type CoreResponse } from './http';

const CACHE = { 'Cache-Control': 'no-cache' };

/**
 * The authorization server metadata document.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function authorizationServerMetadata(ctx: Ctx, issuer: string) {
  const algs = [...ASSERTION_ALGS];
  return {
    issuer,
    token_endpoint: `${issuer}${TOKEN_PATH}`,
    jwks_uri: `${issuer}${JWKS_PATH}`,
    introspection_endpoint: `${issuer}${INTROSPECT_PATH}`,
    revocation_endpoint: `${issuer}${REVOKE_PATH}`,
    ...(ctx.registrations ? { registration_endpoint: `${issuer}${REGISTER_PATH}` } : {}),
    grant_types_supported: ['client_credentials'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    introspection_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    // RFC 8414 §2: the algorithms a private_key_jwt assertion may be signed with (asymmetric only)
    token_endpoint_auth_signing_alg_values_supported: algs,
    introspection_endpoint_auth_signing_alg_values_supported: algs,
    revocation_endpoint_auth_signing_alg_values_supported: algs,
    scopes_supported: [...SCOPES],
    service_documentation: `${issuer}/`,
    access_token_signing_alg_values_supported: [ctx.key.alg],
  };
}

/**
 * The protected resource metadata document of the demo API.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-2
 */
export function protectedResourceMetadata(issuer: string) {
  return {
    resource: resourceFor(issuer),
    authorization_servers: [issuer],
    scopes_supported: [...SCOPES],
    bearer_methods_supported: ['header'],
    resource_name: 'FlowLab demo API',
    resource_documentation: `${issuer}/`,
  };
}

/** `GET /.well-known/oauth-authorization-server`. @see https://www.rfc-editor.org/rfc/rfc8414#section-3 */
export function authorizationServerMetadataEndpoint(ctx: Ctx, request: CoreRequest): CoreResponse {
  return coreJson(authorizationServerMetadata(ctx, issuerFor(ctx, publicUrl(request))), 200, CACHE);
}

/** `GET /.well-known/oauth-protected-resource`. @see https://www.rfc-editor.org/rfc/rfc9728#section-3 */
export function protectedResourceMetadataEndpoint(ctx: Ctx, request: CoreRequest): CoreResponse {
  return coreJson(protectedResourceMetadata(issuerFor(ctx, publicUrl(request))), 200, CACHE);
}

/** `GET /.well-known/jwks.json`. @see https://www.rfc-editor.org/rfc/rfc7517#section-5 */
export function jwksEndpoint(ctx: Ctx): CoreResponse {
  return coreJson({ keys: [ctx.key.publicJwk] }, 200, CACHE);
}
