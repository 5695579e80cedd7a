import type { LessonStep } from '../types';

/** The lesson's step ids, in order: every table keyed by step is keyed by this union. */
export const stepIds = [
  'make-key',
  'register',
  'build-claims',
  'sign',
  'send',
  'validate',
  'issue',
  'call-api',
  'end',
] as const;

/** One step id of the private_key_jwt lesson. */
export type StepId = (typeof stepIds)[number];

/**
 * The nine stops of the step-through. The request, response and validation columns describe the
 * happy path; the live run replaces them with what this browser and the server really did.
 */
export const steps = [
  {
    id: 'make-key',
    number: 1,
    actor: 'client',
    title: 'Client makes its own key pair',
    narration:
      'The client creates an ES256 key pair (ECDSA on P-256) with WebCrypto, right here in your browser. The private key is created non-extractable: the browser can sign with it, but no script, not even FlowLab’s own, can read its bytes. It is kept in this browser’s IndexedDB, so a reload keeps the same key. Its public half becomes a JWK, named by its RFC 7638 thumbprint (the kid).',
    requestData: 'N/A',
    validation: 'N/A',
    response: 'Key pair ready (private key stays in the browser)',
    flowNode: 'make-key',
  },
  {
    id: 'register',
    number: 2,
    actor: 'client',
    title: 'Client registers its public key',
    narration:
      'The client registers at POST /register (modelled on RFC 7591) with token_endpoint_auth_method=private_key_jwt and a jwks holding only its public key. The server answers with a client_id and a registration access token for managing the registration; it issues no client secret, because there is none. A registration this browser made earlier is checked with GET /register/<client_id> and reused while it lives.',
    requestData: 'POST /register {"token_endpoint_auth_method":"private_key_jwt","jwks":{…}}',
    validation: 'Public key only, asymmetric algorithm',
    response: '201 client_id, no client_secret',
    flowNode: 'register',
  },
  {
    id: 'build-claims',
    number: 3,
    actor: 'client',
    title: 'Client builds the assertion’s claims',
    narration:
      'For each token request the client writes a fresh set of claims (RFC 7523 §3): iss and sub are its own client_id, aud names this authorization server (here its token endpoint URL), exp is a minute from now, iat is now, and jti is a random id used once.',
    requestData: 'iss = sub = client_id, aud = token endpoint, exp, iat, jti',
    validation: 'N/A',
    response: 'Claims ready',
    flowNode: 'claims',
  },
  {
    id: 'sign',
    number: 4,
    actor: 'client',
    title: 'Client signs the assertion with its private key',
    narration:
      'The client signs the claims with its private key, giving a JWT with header {"alg":"ES256","kid":…}: the client assertion. It then prepares the token request: grant_type=client_credentials, client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion=<the JWT> (RFC 7523 §2.2), all form fields, no Authorization header and no secret.',
    requestData: 'client_assertion_type=…jwt-bearer&client_assertion=eyJ…',
    validation: 'N/A',
    response: 'Token request prepared',
    flowNode: 'sign',
  },
  {
    id: 'send',
    number: 5,
    actor: 'client',
    title: 'Client sends the token request',
    narration:
      'The client POSTs the form to /token. What travels is a signed statement that expires in a minute and is good for one use, not a reusable secret.',
    requestData: 'Same as above (POST /token)',
    validation: 'Server reads client_assertion',
    response: 'N/A',
    flowNode: 'send',
  },
  {
    id: 'validate',
    number: 6,
    actor: 'auth-server',
    title: 'Auth server validates the assertion',
    narration:
      'The server checks the assertion in order and stops at the first failure: a well-formed JWT (with no crit header it would have to understand), iss and sub both the client_id, a known client by that id, an asymmetric algorithm on the allow-list (never none, never HMAC), a signature that verifies with a key in the client’s registered jwks, an aud naming this server, exp not passed (and iat and nbf sane, the lifetime capped), a jti of 1-256 characters, the client within 60 new assertions a minute, and a jti never seen before. Any failed check of the assertion is invalid_client (RFC 7523 §3.2; 401 in FlowLab, where RFC 6749 §5.2 makes 400 the default), except the limit, which is 429 too_many_requests with Retry-After; a request that also sends a secret is invalid_request before any of it (RFC 6749 §2.3).',
    requestData: 'N/A',
    validation: 'Assertion valid?',
    response: 'Yes',
    flowNode: 'validate',
  },
  {
    id: 'issue',
    number: 7,
    actor: 'auth-server',
    title: 'Auth server issues an access token',
    narration:
      'On Yes, the answer is the same as with a secret: 200 with access_token and token_type Bearer (both REQUIRED), expires_in (RECOMMENDED) and scope, which FlowLab always sends. How the client authenticated changes nothing about the token itself.',
    requestData: 'N/A',
    validation: 'N/A',
    response: '{"access_token":"eyJ…","token_type":"Bearer","expires_in":3600,"scope":"data:read"}',
    flowNode: 'issue',
  },
  {
    id: 'call-api',
    number: 8,
    actor: 'client',
    title: 'Client calls the API with the token',
    narration:
      'The client calls GET /api/data with Authorization: Bearer <access_token>. The API never sees the assertion or the key: it checks the access token, exactly as in the first lesson.',
    requestData: 'Authorization: Bearer eyJ…',
    validation: 'API checks the token and its scope',
    response: 'API response data',
    flowNode: 'call-api',
  },
  {
    id: 'end',
    number: 9,
    actor: 'client',
    title: 'End',
    narration:
      'Done: the client authenticated with a signature, not a shared secret. For its next token it builds new claims with a new jti and signs again; the key pair and the registration stay.',
    requestData: 'N/A',
    validation: 'N/A',
    response: 'Process complete',
    flowNode: 'api-data',
  },
] as const satisfies readonly LessonStep<StepId>[];
