/** Concept snapshot: the whole flow on one screen, one line an entry. */
export const snapshot: readonly string[] = [
  'Once: the client makes a key pair and registers the public key (token_endpoint_auth_method=private_key_jwt, jwks); it gets a client_id and no secret.',
  'Each request: claims iss = sub = client_id, aud = this server, exp soon, iat, unique jti; signed with the private key (ES256) = the client assertion.',
  'POST /token, form: grant_type=client_credentials, client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer, client_assertion=<JWT>. No Authorization header, no secret.',
  'The server checks subject, algorithm (asymmetric only), signature against the registered key, audience, lifetime and jti; any failed check is invalid_client (RFC 7523 §3.2; FlowLab answers 401, where RFC 6749 §5.2 makes 400 the default), and a client past 60 new assertions a minute gets 429 too_many_requests.',
  'Success is the usual token response; the API checks the access token as always.',
  'Why: the server stores only a public key, and a copied assertion is for one server, expires in a minute and is spent after one use.',
];
