import type { Lesson } from '../types';

/**
 * The concept flow of the client credentials grant (RFC 6749 §4.4): the client proves its own
 * identity at the token endpoint, the authorization server decides, and a token (or an error)
 * comes back; the token is then presented to the protected API, which makes its own decision
 * (RFC 6750). Node ids are referenced by the steps and by the diagram.
 */
export const flow = {
  nodes: [
    {
      id: 'prepare',
      actor: 'client',
      kind: 'action',
      label: 'Client prepares credentials',
      description:
        'The client gathers its client_id and client_secret and builds a token request with grant_type=client_credentials.',
    },
    {
      id: 'send',
      actor: 'client',
      kind: 'action',
      label: 'POST /token to the auth server',
      description:
        'The client sends the request to the authorization server’s token endpoint over TLS, authenticating with HTTP Basic (or with body parameters, which RFC 6749 §2.3.1 marks NOT RECOMMENDED).',
    },
    {
      id: 'validate',
      actor: 'auth-server',
      kind: 'decision',
      label: 'Credentials valid?',
      description:
        'The authorization server checks the request’s shape, the client’s identity and secret, the grant type and the scope.',
    },
    {
      id: 'issue',
      actor: 'auth-server',
      kind: 'outcome',
      label: 'Access token issued',
      description:
        'Yes: the server answers 200 with access_token and token_type "Bearer" (both REQUIRED), usually expires_in, and scope when the granted scope differs from the one asked (RFC 6749 §5.1). FlowLab always sends all four.',
    },
    {
      id: 'error',
      actor: 'auth-server',
      kind: 'outcome',
      label: 'Error response, no token',
      description:
        'No: the server answers 400 or 401 with an error code such as invalid_client or invalid_request, and no token is issued.',
    },
    {
      id: 'store',
      actor: 'client',
      kind: 'action',
      label: 'Client keeps the token',
      description:
        'The client keeps the token in memory and reuses it until shortly before it expires, then asks for a new one with its credentials (a refresh token SHOULD NOT be issued in this grant, RFC 6749 §4.4.3).',
    },
    {
      id: 'call-api',
      actor: 'client',
      kind: 'action',
      label: 'Call the API with Bearer token',
      description:
        'The client calls the protected API with the header Authorization: Bearer <access_token>.',
    },
    {
      id: 'api-check',
      actor: 'api',
      kind: 'decision',
      label: 'Token valid, scope enough?',
      description:
        'The API verifies the token’s signature, type, issuer, audience, expiry and revocation, and that its scope covers the endpoint.',
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
      description:
        'No: the API answers 401 invalid_token (bad, expired or revoked token) or 403 insufficient_scope.',
    },
  ],
  edges: [
    { from: 'prepare', to: 'send' },
    { from: 'send', to: 'validate', label: 'POST /token' },
    { from: 'validate', to: 'issue', label: 'Yes', branch: 'yes' },
    { from: 'validate', to: 'error', label: 'No', branch: 'no' },
    { from: 'issue', to: 'store' },
    { from: 'store', to: 'call-api' },
    { from: 'call-api', to: 'api-check', label: 'GET /api/data' },
    { from: 'api-check', to: 'api-data', label: 'Yes', branch: 'yes' },
    { from: 'api-check', to: 'api-error', label: 'No', branch: 'no' },
  ],
  caption:
    'The client sends its own credentials to the authorization server, which checks them. If they are valid the server returns an access token; if not it returns an error and no token. The client then presents the token to the protected API, which checks it again before answering with data. No user takes part at any point.',
} satisfies Lesson['flow'];
