/** Important notes: the rules a learner must leave with. */
export const notes: readonly string[] = [
  'Keep the private key where it can sign but not be read: a hardware module, a cloud key service, or a non-extractable WebCrypto key as in this lesson. Register only the public key; never send the private key anywhere, not even to the authorization server.',
  'Make a fresh assertion for every request: new jti, iat now, exp soon (a minute is plenty). RFC 7523 §3 requires exp and lets the server reject an exp unreasonably far in the future; FlowLab caps the lifetime at five minutes.',
  'Set aud to the authorization server you are talking to (its issuer, or its token endpoint URL as here). A server MUST reject an assertion that does not name it, so an assertion made for one server is worthless at another.',
  'Sign with an asymmetric algorithm the server accepts (its metadata lists token_endpoint_auth_signing_alg_values_supported). A server must never accept "alg": "none", and an HMAC "signature" would need a shared key, a secret again.',
  'Use one client authentication method per request (RFC 6749 §2.3): no client_secret, no Basic header next to the assertion.',
  'Rotate keys by registering the new public key next to the old one (a jwks can hold several, told apart by kid), switching the signer, then removing the old key.',
  'Why it matters: RFC 9700 §2.5 recommends asymmetric client authentication because the server then stores no secret. A leaked database, backup or log holds public keys and spent, expired assertions: nothing that authenticates.',
  'This lesson’s demo clients are made by POST /register for this browser, expire after 24 hours without use, and are rate-limited; their clock offset (the expired-assertion scenario) applies to that one client and nobody else.',
];

/** Summary: the lesson in three sentences. */
export const summaryPoints: readonly string[] = [
  'With private_key_jwt the client proves its identity with a signature made by a private key only it holds, not with a shared secret.',
  'Each token request carries a fresh client assertion: a JWT with iss = sub = client_id, aud = the server, a near exp and a one-time jti.',
  'The server verifies it with the registered public key, so nothing it stores or logs can be used to authenticate as the client.',
];
