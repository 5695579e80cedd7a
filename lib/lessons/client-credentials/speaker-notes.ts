import { callApiFailureNotes, endFailureNotes, issueRefusedNotes } from '../token-speaker-notes';
import type { ScenarioNotes, SpeakerNotes, StepNotes } from '../types';
import type { StepOutcomes } from './outcomes';
import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';

/**
 * Speaker notes for the presenter view: for each step of the client credentials lesson, what to
 * say and what to point at, on the happy path and for each other outcome a run can record; for
 * each scenario, what the room should notice and whether to offer its request as a terminal line.
 * Keyed by the lesson's step, outcome and scenario ids (a missing or wrong id fails in tsc).
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
      'The narration: the client, and how its credentials travel.',
    ],
  },
  send: {
    say: [
      'This is a plain HTTPS POST to /token with a form-encoded body: not JSON, and never a GET, because it carries a secret.',
      'The live feed on the right is the server’s own log: this request appears there the moment it lands.',
    ],
    point: [
      'The exchange line under the narration: POST /token and the status it got.',
      'The new row at the top of the live feed, with its “Body is application/x-www-form-urlencoded” check.',
    ],
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
      'The response carries Cache-Control: no-store and Pragma: no-cache, so no cache keeps the token (RFC 6749 §5.1).',
    ],
    point: ['The exchange line: 200 OK.', 'The narration: this token’s type, scope and lifetime.'],
  },
  receive: {
    say: [
      'The client stores the token and reuses it until shortly before it expires; asking for a new token on every call is wasteful.',
      'The token is a credential: keep it out of logs. That is why the feed masks it in the API row.',
    ],
    point: ['The client lane of the diagram: the token is the client’s now.'],
  },
  'call-api': {
    say: [
      'The API verifies the JWT locally with the published public keys: signature, typ, issuer, audience, expiry, then scope.',
      'Local validation cannot see a revocation: FlowLab’s API checks revocation only because it shares the server’s state. A separate API would use introspection (RFC 7662) or short token lifetimes.',
    ],
    point: [
      'The exchange line: GET /api/data and the API’s answer.',
      'The API row in the feed (teal): the masked Bearer token and the API’s own list of checks.',
    ],
  },
  end: {
    say: [
      'That is the whole flow: authenticate, get a token, use it. When it expires, repeat steps 1 to 5.',
      'Now let us break it on purpose: pick a failure scenario in the Scenario list (the number keys pick the first nine).',
    ],
    point: ['The complete path lit in the diagram.', 'The scenario list (press ? for the keys).'],
  },
};

/** Notes for the outcomes off the happy path, in place of the step's own. */
const outcomeNotes: SpeakerNotes<StepId, ScenarioId, StepOutcomes>['outcomes'] = {
  prepare: {
    body: {
      say: [
        'Same client, same secret, but this time they travel as client_id and client_secret form fields in the body (client_secret_post).',
        'RFC 6749 §2.3.1 lets a server accept this but calls it NOT RECOMMENDED: Basic is the method every server MUST support, so a client should use Basic.',
      ],
      point: [
        'The narration: client_id and client_secret as form fields, no Authorization header.',
        'The feed row, once sent: “Client authenticates with exactly one method (client_secret_post)”.',
      ],
    },
    both: {
      say: [
        'This client sends its credentials twice: in a Basic header and as form fields in the body.',
        'RFC 6749 §2.3: a client MUST NOT use more than one authentication method in a request, so the server has to refuse it whatever the credentials are.',
      ],
      point: ['The narration: a Basic header and a client_secret field on one request.'],
    },
    private_key_jwt: {
      say: [
        'This client proves who it is with a short-lived JWT signed by its private key instead of a secret (private_key_jwt, RFC 7523); the next lesson is all about it.',
      ],
      point: ['The narration: client_assertion_type and client_assertion instead of a secret.'],
    },
  },
  validate: {
    refused: {
      say: [
        'A check failed, so the server stops there and the flow takes the No branch of the diamond: the checks after it never ran.',
        'The error code names the kind of problem (RFC 6749 §5.2): invalid_client, the client could not be authenticated; invalid_request, unsupported_grant_type or unauthorized_client, the request itself cannot be granted.',
      ],
      point: [
        'The decision node with its No branch lit.',
        'The red check in the feed row: the last one the server made.',
      ],
    },
  },
  issue: { refused: issueRefusedNotes },
  receive: {
    'no-token': {
      say: [
        'The client received an error, not a token: it has nothing to call the API with.',
        'A well-behaved client reads the error code and logs it; it does not loop on the same request, which would fail the same way.',
      ],
      point: ['The error explanation under the narration: what the error code means.'],
    },
    'stored-short-lived': {
      say: [
        'An ordinary token, valid for expires_in seconds (an hour here): this run is about what happens once that time is up.',
        'Rather than make the room wait an hour, the client moves the server’s clock for itself alone past the token’s exp at the next step; every other client keeps real time.',
      ],
      point: ['The narration: how long the token is valid.'],
    },
    tampered: {
      say: [
        'The client edits the token’s payload to claim more scope (data:read data:write admin) and keeps the old signature.',
        'Anyone can decode a JWT and edit its claims; what nobody can do without the server’s private key is make a signature that matches them.',
      ],
      point: ['The narration: the scope the client wrote into the edited payload.'],
    },
    revoked: {
      say: [
        'The client stores the token, then revokes it at POST /revoke (RFC 7009): the token is still signed and unexpired.',
        'Revocation is a fact only the server knows. An API that checks the JWT locally alone would go on accepting it.',
      ],
      point: ['The /revoke row in the feed.'],
    },
  },
  'call-api': callApiFailureNotes,
  end: endFailureNotes,
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
export const speakerNotes: SpeakerNotes<StepId, ScenarioId, StepOutcomes> = {
  opening:
    'Introduce the three parties (client, authorization server, API) and say that no user is involved.',
  steps: stepNotes,
  outcomes: outcomeNotes,
  scenarios: scenarioNotes,
};
