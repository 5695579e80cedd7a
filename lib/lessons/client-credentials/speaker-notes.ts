import type { ScenarioNotes, SpeakerNotes, StepNotes } from '../types';
import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';

/**
 * Speaker notes for the presenter view: for each step of the client credentials lesson, what to
 * say and what to point at; for each scenario, what the room should notice and whether to offer
 * its request as a terminal line. Keyed by the lesson's step and scenario ids (a missing or wrong
 * id fails in tsc).
 */

/** Notes for every step of the lesson. */
const stepNotes: Readonly<Record<StepId, StepNotes>> = {
  prepare: {
    say: [
      'No person is involved in this flow: the program is both the one asking and the one it asks for.',
      'All it needs is its own client_id and client_secret, plus grant_type=client_credentials.',
      'It sends them in an HTTP Basic header, the method every server MUST support. Form fields in the body are allowed by RFC 6749 §2.3.1 but NOT RECOMMENDED: the body-credentials scenario shows them.',
    ],
    point: [
      'The client lane of the diagram (blue).',
      'The prepared request body in the exchange panel.',
    ],
  },
  send: {
    say: [
      'This is a plain HTTPS POST to /token with a form-encoded body: not JSON, and never a GET, because it carries a secret.',
      'The live feed on the right is the server’s own log: this request appears there the moment it lands.',
    ],
    point: ['The Content-Type header.', 'The new row at the top of the live feed.'],
  },
  validate: {
    say: [
      'The server checks in a fixed order and stops at the first failure: is the client known, does the secret match, may it use this grant, is the scope allowed.',
      'This is the decision diamond: Yes leads to a token, No to an error response.',
    ],
    point: [
      'The decision node of the flow.',
      'The ordered checks in the feed row, all green on the happy path.',
    ],
  },
  issue: {
    say: [
      'A 200 with access_token and token_type Bearer; expires_in is RECOMMENDED, and scope may be left out only when it equals what was asked for: here the client asked for none and got the default data:read, so it must be there (RFC 6749 §3.3, §5.1). FlowLab sends both. RFC 6749 §4.4.3: a refresh token SHOULD NOT be included, since the client can always ask again.',
      'The token is a signed JWT; anyone can read its claims, nobody can change them without breaking the signature.',
    ],
    point: [
      'The JSON response.',
      'Cache-Control: no-store on the response.',
      'The decoded claims: iss, aud, exp, scope.',
    ],
  },
  receive: {
    say: [
      'The client stores the token and reuses it until it expires; asking for a new token on every call is wasteful.',
      'The token is a credential: keep it out of logs. That is why the feed masks it.',
    ],
    point: [
      'The variable tracker: access_token and token_type are filled in now.',
      'The masked token in the feed.',
    ],
  },
  'call-api': {
    say: [
      'The API verifies the JWT locally with the published public keys: signature, typ, issuer, audience, expiry, then scope.',
      'Local validation cannot see a revocation: FlowLab’s API checks revocation only because it shares the server’s state. A separate API would use introspection (RFC 7662) or short token lifetimes.',
    ],
    point: [
      'Authorization: Bearer in the request.',
      'The API row in the feed (teal) with its own list of checks.',
    ],
  },
  end: {
    say: [
      'That is the whole flow: authenticate, get a token, use it. When it expires, repeat steps 1 to 5.',
      'Now let us break it on purpose: pick a failure scenario with the number keys.',
    ],
    point: ['The complete path lit in the diagram.', 'The scenario list (press ? for the keys).'],
  },
};

/** Notes for every scenario the presenter can pick (all but the learner's own values). */
const scenarioNotes: Readonly<Record<Exclude<ScenarioId, 'custom'>, ScenarioNotes>> = {
  valid: {
    takeaway: 'The happy path: every check green, a token issued, the API answers 200.',
    watch: 'Both feed rows are green from the first check to the last.',
    terminal: true,
  },
  'body-credentials': {
    takeaway:
      'The same client with client_id and client_secret as form fields in the body: servers MAY accept this, but RFC 6749 §2.3.1 calls it NOT RECOMMENDED; clients should use Basic.',
    watch: 'The feed shows the same checks; only the way the credentials travel changed.',
    terminal: true,
  },
  'wrong-secret': {
    takeaway: 'A wrong secret takes the No branch: 401 invalid_client and no token.',
    watch: 'The feed marks “secret matches” as the failing check; nothing after it ran.',
    terminal: true,
  },
  'unknown-client': {
    takeaway: 'An unregistered client_id fails before the secret is even looked at.',
    watch: 'The failing check is “client known”.',
    terminal: true,
  },
  'json-body': {
    takeaway: 'The token endpoint takes form-encoded bodies only; JSON is invalid_request.',
    watch:
      'The failing check is the content type, the first thing the server checks after the method.',
    terminal: true,
  },
  'missing-grant-type': {
    takeaway: 'grant_type is required: without it the request is malformed (400 invalid_request).',
    watch:
      'The failing check is “Parameters are well formed and complete”: without grant_type the server stops before it even authenticates the client.',
  },
  'unsupported-grant-type': {
    takeaway: 'A grant the server does not offer is unsupported_grant_type, not invalid_client.',
    watch: 'The client authenticated fine; the failing check is the grant type.',
  },
  'credentials-twice': {
    takeaway: 'Basic header and body credentials at once is forbidden: one method per request.',
    watch: 'The failing check is client authentication, before any credential is compared.',
    terminal: true,
  },
  'not-allowed-grant': {
    takeaway:
      'Valid credentials are not enough: this client is not allowed the client_credentials grant.',
    watch:
      'Client known and secret matches are green; “grant allowed” is red (unauthorized_client).',
  },
  'insufficient-scope': {
    takeaway:
      'A valid token can still be refused: 403 insufficient_scope when it lacks the scope the endpoint needs.',
    watch: 'The token row is green; the API row passes every check except the last one, scope.',
  },
  'expired-token': {
    takeaway: 'Tokens expire; the API checks exp on every call and answers 401 invalid_token.',
    watch: 'The API row fails at “exp”; signature and issuer were still fine.',
  },
  'tampered-token': {
    takeaway: 'Editing a JWT’s claims breaks its signature: the API rejects it immediately.',
    watch: 'The API row fails at “signature”, the very first cryptographic check.',
  },
  'revoked-token': {
    takeaway:
      'A revoked token is refused even though it is signed and unexpired: FlowLab’s API can tell only because it shares the server’s state (a separate API would need introspection, RFC 7662).',
    watch: 'A /revoke row appears in the feed, then the API row fails at “revocation”.',
  },
};

/** The lesson's speaker notes. */
export const speakerNotes: SpeakerNotes<StepId, ScenarioId> = {
  opening:
    'Introduce the three parties (client, authorization server, API) and say that no user is involved.',
  steps: stepNotes,
  scenarios: scenarioNotes,
};
