/** Concept snapshot: the whole flow on one screen, one line an entry. */
export const snapshot: readonly string[] = [
  'The client sends its client_id and client_secret to the authorization server: POST /token, form-encoded, grant_type=client_credentials, over HTTPS, with HTTP Basic auth (body fields work too, but RFC 6749 §2.3.1 marks them NOT RECOMMENDED).',
  'The authorization server validates the credentials (known client, matching secret, grant allowed, scope allowed).',
  'Valid: it answers 200 with an access token (access_token and token_type "Bearer" always; expires_in and scope usually). Invalid: an error such as invalid_client (400 by default; a server MAY answer 401, and MUST with WWW-Authenticate after an Authorization header; FlowLab always answers 401), and no token is issued.',
  'The client uses the token to call protected APIs over HTTPS: Authorization: Bearer <token>. The API checks signature, issuer, audience, expiry and scope.',
  'No user is involved: no login, no consent, and a refresh token SHOULD NOT be issued (§4.4.3). Reuse the token until shortly before it expires, then ask again.',
  'Used for server-to-server (machine-to-machine) authentication by confidential clients only (§4.4), where the secret can be kept safe.',
];
