import type { ChallengeSpec } from '../../challenges/types';
import { TWO_METHODS_DETAIL } from '../../protocol/checks';

const rfc = (label: string, href: string) => ({ label, href });

/**
 * The client credentials lesson's challenges: each done from the learner's own terminal with
 * the learner's own client, and passed by what the server saw.
 */
export const challenges: ChallengeSpec = {
  client: 'secret',
  sample: {
    file: 'client_credentials.py',
    run: [
      'python3',
      '{file}',
      '--basic',
      '--client-id',
      '{client_id}',
      '--client-secret',
      '{client_secret}',
      '{origin}',
    ],
    note: 'The seed’s program with your client: it gets a token with HTTP Basic and calls the API, the first two tasks. Needs Python 3 with the requests package (pip install requests).',
  },
  tasks: [
    {
      id: 'basic-token',
      title: 'Get a token with HTTP Basic',
      todo: 'From a terminal, ask /token for an access token, authenticating your client with HTTP Basic (curl -u client_id:client_secret).',
      hint: 'The body is grant_type=client_credentials, sent as application/x-www-form-urlencoded; your credentials go in the Authorization header, not the body.',
      rfc: rfc('RFC 6749 §2.3.1', 'https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1'),
      rule: {
        kind: 'request',
        match: { endpoint: 'token', status: 200, authMethod: 'client_secret_basic' },
      },
      examples: [{ kind: 'token', auth: 'basic' }],
    },
    {
      id: 'call-api',
      title: 'Call the API with your token',
      todo: 'Send GET /api/data with the access token you got, as a bearer token.',
      hint: 'Authorization: Bearer <access_token>. Replace ACCESS_TOKEN in the line below with yours.',
      rfc: rfc('RFC 6750 §2.1', 'https://www.rfc-editor.org/rfc/rfc6750#section-2.1'),
      rule: { kind: 'request', match: { endpoint: 'api', status: 200 } },
      examples: [{ kind: 'api' }],
    },
    {
      id: 'invalid-scope',
      title: 'Ask for a scope you may not have',
      todo: 'Ask /token for a scope your client is not allowed (reports:read) and read the error.',
      hint: 'Add scope=reports:read to the body. Your client may have data:read and data:write only: the server answers 400 invalid_scope.',
      rfc: rfc('RFC 6749 §5.2', 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2'),
      rule: { kind: 'request', match: { endpoint: 'token', status: 400, error: 'invalid_scope' } },
      examples: [{ kind: 'token', auth: 'basic', scope: 'reports:read' }],
    },
    {
      id: 'two-methods',
      title: 'Authenticate twice in one request',
      todo: 'Send your credentials both with HTTP Basic and in the body (client_id, client_secret) and read the error.',
      hint: 'A client must use exactly one authentication method per request: the server answers 400 invalid_request before it compares any credential. For the challenge to count, the Basic credentials must be your own client’s.',
      rfc: rfc('RFC 6749 §2.3', 'https://www.rfc-editor.org/rfc/rfc6749#section-2.3'),
      rule: {
        kind: 'request',
        match: {
          endpoint: 'token',
          status: 400,
          error: 'invalid_request',
          failedCheck: 'client-auth',
          failedDetail: TWO_METHODS_DETAIL,
        },
      },
      examples: [{ kind: 'token', auth: 'both' }],
    },
    {
      id: 'introspect-own',
      title: 'Introspect your own token',
      todo: 'Ask /introspect whether your access token is active, authenticating as your client.',
      hint: 'POST token=<access_token> with HTTP Basic. An active token answers {"active": true, ...}; another client’s token would be {"active": false}.',
      rfc: rfc('RFC 7662 §2', 'https://www.rfc-editor.org/rfc/rfc7662#section-2'),
      rule: {
        kind: 'request',
        match: { endpoint: 'introspect', status: 200, passedCheck: 'active' },
      },
      examples: [{ kind: 'introspect' }],
    },
    {
      id: 'revoke-then-api',
      title: 'Revoke your token, then see the API refuse it',
      todo: 'Revoke an access token at /revoke, then call /api/data with that same token.',
      hint: 'The revocation answers 200 with an empty body; the API then answers 401 invalid_token ("the token was revoked").',
      rfc: rfc('RFC 7009 §2', 'https://www.rfc-editor.org/rfc/rfc7009#section-2'),
      rule: {
        kind: 'sequence',
        first: { endpoint: 'revoke', status: 200, passedCheck: 'revoked' },
        then: { endpoint: 'api', status: 401, error: 'invalid_token', failedCheck: 'revocation' },
      },
      examples: [{ kind: 'revoke' }, { kind: 'api' }],
    },
    {
      id: 'wait-retry-after',
      title: 'After a 429, wait as long as Retry-After says',
      todo: 'Send wrong secrets until the server locks your client out (429), then wait at least the Retry-After seconds before asking for a token again with the right secret.',
      hint: 'Ten wrong secrets within a minute lock you out of your client (only you, from this address). Send them with HTTP Basic (curl -u client_id:wrong): your client registered client_secret_basic, so a secret in the body is refused before it is compared and never counts. curl -i shows the Retry-After header. An attempt before it is up is refused again, with a Retry-After counting down the same lockout; wait at least that long from the latest 429.',
      rfc: rfc('RFC 6585 §4', 'https://www.rfc-editor.org/rfc/rfc6585#section-4'),
      rule: { kind: 'wait-retry-after', then: { endpoint: 'token', status: 200 } },
      examples: [{ kind: 'token', auth: 'basic' }],
    },
    {
      id: 'reuse-token',
      title: 'Reuse one token for three API calls',
      todo: 'Call /api/data three times or more with one and the same access token instead of fetching a new token for each call.',
      hint: 'A token is good until expires_in runs out: a well-behaved client caches it and asks for a new one only shortly before it expires (keeping a margin).',
      rfc: rfc('RFC 6749 §5.1', 'https://www.rfc-editor.org/rfc/rfc6749#section-5.1'),
      rule: { kind: 'token-reuse', match: { endpoint: 'api', status: 200 }, times: 3 },
      examples: [{ kind: 'api' }, { kind: 'api' }, { kind: 'api' }],
    },
  ],
};
