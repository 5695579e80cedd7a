import type { Scenario } from '../../engine/scenarios';
import type { TokenTreatment } from '../../engine/runners';
import type { TokenRequestSettings } from '../../protocol/requests';

/**
 * The scenarios of the client credentials lesson. The ids are a public contract: quiz hints,
 * practice "try it" links, the presenter view and deep links (`?scenario=<id>`) use them.
 */
export const scenarioIds = [
  'valid',
  'body-credentials',
  'wrong-secret',
  'unknown-client',
  'json-body',
  'missing-grant-type',
  'unsupported-grant-type',
  'credentials-twice',
  'not-allowed-grant',
  'insufficient-scope',
  'expired-token',
  'tampered-token',
  'revoked-token',
  'custom',
] as const;
/** The id of one of this lesson's scenarios. */
export type ScenarioId = (typeof scenarioIds)[number];

/** A scenario of this lesson. */
export type LessonScenario = Scenario<ScenarioId, TokenTreatment>;

const valid: TokenRequestSettings = {
  clientId: 'abc',
  clientSecret: 'xyz',
  scope: '',
  authMethod: 'basic',
  contentType: 'form',
  grantType: 'client_credentials',
};

const ok = { token: { status: 200 }, api: { status: 200 } } as const;

/** The built-in scenarios, in the order the stepper offers them. */
export const scenarios: readonly LessonScenario[] = [
  {
    id: 'valid',
    title: 'Valid credentials',
    description:
      'The lesson’s client abc / xyz with an HTTP Basic header, the method every server must support: token issued, API answers.',
    settings: valid,
    treatment: 'use',
    expected: ok,
  },
  {
    id: 'body-credentials',
    title: 'Valid, credentials in the body',
    description:
      'The same client with client_id and client_secret as form fields in the body: servers MAY accept it, but RFC 6749 §2.3.1 calls it NOT RECOMMENDED.',
    settings: { ...valid, authMethod: 'body' },
    treatment: 'use',
    expected: ok,
  },
  {
    id: 'wrong-secret',
    title: 'Wrong client secret',
    description:
      'Client abc with a wrong secret: the server refuses with invalid_client and issues no token.',
    settings: { ...valid, clientSecret: 'wrong-secret' },
    treatment: 'use',
    expected: { token: { status: 401, error: 'invalid_client' } },
  },
  {
    id: 'unknown-client',
    title: 'Unknown client',
    description: 'A client_id the server never registered: invalid_client, no token.',
    settings: { ...valid, clientId: 'nobody', clientSecret: 'guess' },
    treatment: 'use',
    expected: { token: { status: 401, error: 'invalid_client' } },
  },
  {
    id: 'json-body',
    title: 'JSON body instead of a form',
    description:
      'The request is sent as application/json; the token endpoint only takes form-encoded bodies.',
    settings: { ...valid, contentType: 'json' },
    treatment: 'use',
    expected: { token: { status: 400, error: 'invalid_request' } },
  },
  {
    id: 'missing-grant-type',
    title: 'Missing grant_type',
    description: 'The request leaves out grant_type, a required parameter.',
    settings: { ...valid, grantType: null },
    treatment: 'use',
    expected: { token: { status: 400, error: 'invalid_request' } },
  },
  {
    id: 'unsupported-grant-type',
    title: 'Unsupported grant_type',
    description: 'The request asks for grant_type=password, which this server does not offer.',
    settings: { ...valid, grantType: 'password' },
    treatment: 'use',
    expected: { token: { status: 400, error: 'unsupported_grant_type' } },
  },
  {
    id: 'credentials-twice',
    title: 'Credentials sent twice',
    description:
      'Basic header and body parameters at once: more than one authentication method is forbidden.',
    settings: { ...valid, authMethod: 'both' },
    treatment: 'use',
    expected: { token: { status: 400, error: 'invalid_request' } },
  },
  {
    id: 'not-allowed-grant',
    title: 'Client not allowed this grant',
    description:
      'legacy-portal authenticates fine but is not allowed the client_credentials grant.',
    settings: { ...valid, clientId: 'legacy-portal', clientSecret: 'portal-secret' },
    treatment: 'use',
    expected: { token: { status: 400, error: 'unauthorized_client' } },
  },
  {
    id: 'insufficient-scope',
    title: 'Token without the needed scope',
    description:
      'reporting-bot gets a token for reports:read only; the API needs data:read and answers 403.',
    settings: { ...valid, clientId: 'reporting-bot', clientSecret: 'reports-secret' },
    treatment: 'use',
    expected: { token: { status: 200 }, api: { status: 403, error: 'insufficient_scope' } },
  },
  {
    id: 'expired-token',
    title: 'Expired token',
    description:
      'This browser’s own client (registered at POST /register) gets a token, then fast-forwards the server’s clock for itself alone past the token’s exp and calls the API.',
    // the run's client is this browser's own, so the fields name no other
    settings: { ...valid, clientId: '', clientSecret: '' },
    emptyValueHints: {
      clientId: 'this browser’s own client',
      clientSecret: 'its own, from POST /register',
    },
    treatment: 'expire',
    expected: { token: { status: 200 }, api: { status: 401, error: 'invalid_token' } },
  },
  {
    id: 'tampered-token',
    title: 'Tampered token',
    description:
      'The client edits the token’s payload to grant itself more scope, keeping the old signature; the API notices.',
    settings: valid,
    treatment: 'tamper',
    expected: { token: { status: 200 }, api: { status: 401, error: 'invalid_token' } },
  },
  {
    id: 'revoked-token',
    title: 'Revoked token',
    description:
      'The client revokes its token at POST /revoke (RFC 7009), then tries to use it anyway.',
    settings: valid,
    treatment: 'revoke',
    expected: { token: { status: 200 }, api: { status: 401, error: 'invalid_token' } },
  },
  {
    id: 'custom',
    title: 'Your own values',
    description:
      'Your edits of client_id, client_secret, scope and authentication method decide the branch.',
    settings: valid,
    treatment: 'use',
    expected: null,
  },
];
