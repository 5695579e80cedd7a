import type { Scenario } from '../../engine/scenarios';
import type { TokenRequestSettings } from '../../protocol/requests';

/**
 * The scenarios of the private_key_jwt lesson: the happy path, then each way an assertion is
 * refused. The ids are a public contract (quiz hints, practice links, the presenter, deep links).
 */
export const scenarioIds = [
  'valid',
  'expired-assertion',
  'replayed-jti',
  'wrong-aud',
  'other-key',
  'alg-none',
  'secret-as-well',
  'custom',
] as const;
/** The id of one of this lesson's scenarios. */
export type ScenarioId = (typeof scenarioIds)[number];

/** What the client does differently from the happy path. */
export type AssertionTreatment =
  'use' | 'expire-assertion' | 'replay' | 'wrong-aud' | 'stranger-key' | 'alg-none';

/** A scenario of this lesson. */
export type LessonScenario = Scenario<ScenarioId, AssertionTreatment>;

/** Audience of the wrong-aud scenario: some other authorization server's token endpoint. */
export const OTHER_AUDIENCE = 'https://other-as.example/token';

/** An empty client_id stands for this browser's own registered client. */
const valid: TokenRequestSettings = {
  clientId: '',
  clientSecret: '',
  scope: '',
  authMethod: 'private_key_jwt',
  contentType: 'form',
  grantType: 'client_credentials',
};

const refused = { token: { status: 401, error: 'invalid_client' } } as const;

/** The scenarios, in the order the stepper offers them. */
export const scenarios: readonly LessonScenario[] = [
  {
    id: 'valid',
    title: 'Valid assertion',
    description:
      'This browser’s own client signs a fresh assertion with its private key: token issued, API answers.',
    settings: valid,
    treatment: 'use',
    expected: { token: { status: 200 }, api: { status: 200 } },
  },
  {
    id: 'expired-assertion',
    title: 'Expired assertion',
    description:
      'A correct assertion valid for 60 s; the client fast-forwards the server’s clock for itself alone by 63 s before sending it.',
    settings: valid,
    treatment: 'expire-assertion',
    expected: refused,
  },
  {
    id: 'replayed-jti',
    title: 'Replayed assertion (same jti)',
    description:
      'The same signed assertion is sent twice, as an attacker who copied it from a log would: the first is accepted, the replay refused.',
    settings: valid,
    treatment: 'replay',
    expected: refused,
  },
  {
    id: 'wrong-aud',
    title: 'Wrong audience',
    description: `The assertion is addressed to another server (aud = ${OTHER_AUDIENCE}): this server refuses what was not meant for it.`,
    settings: valid,
    treatment: 'wrong-aud',
    expected: refused,
  },
  {
    id: 'other-key',
    title: 'Signed with another key',
    description:
      'The claims are right, but a freshly made key that was never registered signs them (with the registered key’s kid): the signature does not verify.',
    settings: valid,
    treatment: 'stranger-key',
    expected: refused,
  },
  {
    id: 'alg-none',
    title: 'Unsigned assertion (alg: none)',
    description:
      'The client sends the claims with alg "none" and no signature, what anyone could forge: refused.',
    settings: valid,
    treatment: 'alg-none',
    expected: refused,
  },
  {
    id: 'secret-as-well',
    title: 'A secret sent as well',
    description:
      'A valid assertion plus a client_secret form field: two authentication methods in one request, which is invalid_request.',
    settings: { ...valid, clientSecret: 'a-secret-too', assertionWithSecret: true },
    treatment: 'use',
    expected: { token: { status: 400, error: 'invalid_request' } },
  },
  {
    id: 'custom',
    title: 'Your own values',
    description:
      'Your edits decide: an empty client_id is this browser’s own client; another client_id goes into iss and sub.',
    settings: valid,
    treatment: 'use',
    expected: null,
  },
];
