/** Concept snapshot: the whole flow on one screen, one line an entry. */
export const snapshot: readonly string[] = [
  'The client sends its client_id and client_secret to the authorization server: POST /token, form-encoded, grant_type=client_credentials, over HTTPS (HTTP Basic auth or body fields).',
  'The authorization server validates the credentials (known client, matching secret, grant allowed, scope allowed).',
  'Valid: it answers 200 with an access token (access_token, token_type "Bearer", expires_in, scope). Invalid: it answers an error such as 401 invalid_client, and no token is issued.',
  'The client uses the token to call protected APIs: Authorization: Bearer <token>. The API checks signature, issuer, audience, expiry and scope.',
  'No user is involved: no login, no consent, no refresh token; when the token expires the client asks again.',
  'Used for server-to-server (machine-to-machine) authentication, where the secret can be kept safe.',
];
