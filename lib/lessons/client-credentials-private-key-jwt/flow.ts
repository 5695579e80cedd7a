import type { Lesson } from '../types';

/**
 * The concept flow of the client credentials grant with private_key_jwt client authentication
 * (RFC 7523 §2.2): the client makes and registers a key pair once, then for each token request
 * signs a short-lived assertion; the authorization server verifies it against the registered
 * public key and decides. Node ids are referenced by the steps and by the engine's shared runners
 * (`send`, `validate`, `issue`, `error`, `call-api`, `api-check`, `api-data`, `api-error`).
 */
export const flow = {
  nodes: [
    {
      id: 'make-key',
      actor: 'client',
      kind: 'action',
      label: 'Client makes a key pair',
      description:
        'The client creates an ES256 key pair; the private key never leaves it (in the browser, it cannot even be exported).',
    },
    {
      id: 'register',
      actor: 'client',
      kind: 'action',
      label: 'Register the public key',
      description:
        'The client registers its public key (a JWK in jwks) with token_endpoint_auth_method=private_key_jwt and receives a client_id; no secret exists.',
    },
    {
      id: 'claims',
      actor: 'client',
      kind: 'action',
      label: 'Build claims: iss, sub, aud, exp, jti',
      description:
        'iss and sub are the client_id, aud names the authorization server, exp is soon, jti is unique (RFC 7523 §3).',
    },
    {
      id: 'sign',
      actor: 'client',
      kind: 'action',
      label: 'Sign with the private key',
      description:
        'The signed JWT is the client assertion; it goes into the token request as client_assertion with client_assertion_type …jwt-bearer.',
    },
    {
      id: 'send',
      actor: 'client',
      kind: 'action',
      label: 'POST /token with the assertion',
      description:
        'The client posts grant_type=client_credentials, client_assertion_type and client_assertion as form fields; no Authorization header, no secret.',
    },
    {
      id: 'validate',
      actor: 'auth-server',
      kind: 'decision',
      label: 'Assertion valid?',
      description:
        'The server checks the JWT’s subject, algorithm, signature (against the registered public key), audience, lifetime and jti.',
    },
    {
      id: 'issue',
      actor: 'auth-server',
      kind: 'outcome',
      label: 'Access token issued',
      description:
        'Yes: 200 with access_token and token_type Bearer, usually expires_in (RECOMMENDED) and scope, exactly as with a secret.',
    },
    {
      id: 'error',
      actor: 'auth-server',
      kind: 'outcome',
      label: 'Error response, no token',
      description:
        'No: invalid_client for a bad assertion (RFC 7523 §3.2; FlowLab answers 401, where RFC 6749 §5.2 makes 400 the default), 400 invalid_request for a malformed request such as two methods at once.',
    },
    {
      id: 'call-api',
      actor: 'client',
      kind: 'action',
      label: 'Call the API with Bearer token',
      description: 'The client calls the protected API with Authorization: Bearer <access_token>.',
    },
    {
      id: 'api-check',
      actor: 'api',
      kind: 'decision',
      label: 'Token valid, scope enough?',
      description:
        'The API verifies the access token (signature, type, issuer, audience, expiry, revocation) and its scope; it never sees the assertion.',
    },
    {
      id: 'api-data',
      actor: 'api',
      kind: 'outcome',
      label: 'API response data',
      description: 'Yes: the API answers 200 with the protected data.',
    },
    {
      id: 'api-error',
      actor: 'api',
      kind: 'outcome',
      label: 'API refuses (401 / 403)',
      description: 'No: 401 invalid_token or 403 insufficient_scope.',
    },
  ],
  edges: [
    { from: 'make-key', to: 'register' },
    { from: 'register', to: 'claims', label: 'client_id' },
    { from: 'claims', to: 'sign' },
    { from: 'sign', to: 'send' },
    { from: 'send', to: 'validate', label: 'POST /token' },
    { from: 'validate', to: 'issue', label: 'Yes', branch: 'yes' },
    { from: 'validate', to: 'error', label: 'No', branch: 'no' },
    { from: 'issue', to: 'call-api' },
    { from: 'call-api', to: 'api-check', label: 'GET /api/data' },
    { from: 'api-check', to: 'api-data', label: 'Yes', branch: 'yes' },
    { from: 'api-check', to: 'api-error', label: 'No', branch: 'no' },
  ],
  caption:
    'Once, the client makes a key pair and registers only the public key. For every token request it writes short-lived claims naming itself and this server, signs them with the private key, and sends the signed JWT instead of a secret. The server verifies the signature with the registered public key and checks the claims; if all pass it issues an ordinary access token, which the client presents to the API.',
} satisfies Lesson['flow'];
