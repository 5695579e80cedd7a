/**
 * Every path FlowLab's authorization server and protected API answer on. The server's router, the
 * step engine, the sandbox and the home page all read them from here.
 */

/** The token endpoint. @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2 */
export const TOKEN_PATH = '/token';
/** The protected API. @see https://www.rfc-editor.org/rfc/rfc6750 */
export const API_PATH = '/api/data';
/** The protected resource's identifier path: the resource is `<issuer>/api`. */
export const RESOURCE_PATH = '/api';
/** The introspection endpoint. @see https://www.rfc-editor.org/rfc/rfc7662#section-2 */
export const INTROSPECT_PATH = '/introspect';
/** The revocation endpoint. @see https://www.rfc-editor.org/rfc/rfc7009#section-2 */
export const REVOKE_PATH = '/revoke';
/** Authorization server metadata. @see https://www.rfc-editor.org/rfc/rfc8414#section-3 */
export const AS_METADATA_PATH = '/.well-known/oauth-authorization-server';
/**
 * Protected resource metadata for the resource `<issuer>/api`: the well-known prefix inserted
 * before the resource's path.
 * @see https://www.rfc-editor.org/rfc/rfc9728#section-3.1
 */
export const RESOURCE_METADATA_PATH = `/.well-known/oauth-protected-resource${RESOURCE_PATH}`;
/** The JWKS with the public keys that verify access tokens. @see https://www.rfc-editor.org/rfc/rfc7517#section-5 */
export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The client registration endpoint (FlowLab's short-lived learner clients).
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export const REGISTER_PATH = '/register';

/**
 * The client configuration endpoint of one registered client: `/register/<client_id>`.
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2
 */
export function registrationPath(clientId: string): string {
  return `${REGISTER_PATH}/${encodeURIComponent(clientId)}`;
}

/** Where a registered client gets a new secret (the old one stops working at once). */
export function registrationSecretPath(clientId: string): string {
  return `${registrationPath(clientId)}/secret`;
}

/** Where a registered client sets its own clock offset (honoured for that client only). */
export function registrationClockPath(clientId: string): string {
  return `${registrationPath(clientId)}/clock`;
}

/** The endpoints a learner can send a request to from the sandbox. */
export const sendablePaths = [TOKEN_PATH, API_PATH, INTROSPECT_PATH, REVOKE_PATH] as const;

/** An absolute URL for a path on an origin (`http://127.0.0.1:3000` + `/token`). */
export function endpointUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}
