import { callApiFailureNotes, endFailureNotes, issueRefusedNotes } from '../token-speaker-notes';
import type { ScenarioNotes, SpeakerNotes, StepNotes } from '../types';
import type { StepOutcomes } from './outcomes';
import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';

/**
 * Speaker notes for presenting the private_key_jwt lesson: per step, what to say and point at, on
 * the happy path and for each other outcome a run can record; per scenario, what the room should
 * notice in the live feed.
 */

const stepNotes: Readonly<Record<StepId, StepNotes>> = {
  'make-key': {
    say: [
      'Same grant as before, different proof: instead of a shared secret the client will prove it holds a private key.',
      'The key pair is made in this very browser with WebCrypto, and the private key is non-extractable: it can sign, but nobody can copy it out.',
    ],
    point: ['The narration: the key’s kid, the public key’s RFC 7638 thumbprint.'],
  },
  register: {
    say: [
      'Registration sends the public key only (kty, crv, x, y; never the private d). The server answers 201 with a client_id and no secret, because there is nothing secret for it to hold.',
      'That is the point (RFC 9700 §2.5): a leaked server database or log now reveals nothing that can authenticate as this client.',
    ],
    point: [
      'The exchange line: POST /register → 201.',
      'The narration: the client_id the server gave.',
    ],
  },
  'build-claims': {
    say: [
      'iss and sub are the client itself, aud is this server, exp is a minute away, jti is random (RFC 7523 §3).',
      'Short life plus a one-time jti is what makes a copied assertion close to worthless.',
      'Mind the clock: this assertion expires 60 s from now. Send it (step 5) within the minute, or the server refuses it at the lifetime check, and the valid run fails; Reset makes a new one.',
    ],
    point: ['The narration: the claims this client wrote.'],
  },
  sign: {
    say: [
      'Signing turns the claims into the client assertion. It goes in the form body as client_assertion, with client_assertion_type …jwt-bearer (RFC 7523 §2.2).',
      'There is no Authorization header on this request at all.',
    ],
    point: ['The narration: the signed JWT goes in client_assertion.'],
  },
  send: {
    say: [
      'The token request is a form POST to /token, as in the first lesson; only the proof changed.',
    ],
    point: ['The new row in the live feed, with the client’s own id (learner-…).'],
  },
  validate: {
    say: [
      'The server checks, in order: format, subject (iss and sub), a known client, algorithm, signature against the registered key, audience, lifetime, and that the jti is new.',
      'Any failed check of the assertion is invalid_client (RFC 7523 §3.2; 401 in FlowLab); more than 60 new assertions of one client in a minute is 429 with Retry-After.',
    ],
    point: ['The assertion checks in the feed row, all green on the happy path.'],
  },
  issue: {
    say: [
      'The token is exactly the same kind of token a secret would have got: the API cannot tell how the client authenticated.',
    ],
    point: ['The exchange line: 200 OK.', 'The narration: this token’s type, scope and lifetime.'],
  },
  'call-api': {
    say: ['The API checks the access token only; the assertion and the key never reach it.'],
    point: ['The API row in the feed.'],
  },
  end: {
    say: [
      'Every new token needs a new assertion (new jti, new exp); the key and the registration stay.',
      'Now break it: replay, wrong audience, another key, alg none, a secret on top.',
    ],
    point: ['The Scenario list (press ? for the keys).'],
  },
};

/** Notes for the outcomes off the happy path, in place of the step's own. */
const outcomeNotes: SpeakerNotes<StepId, ScenarioId, StepOutcomes>['outcomes'] = {
  register: {
    reused: {
      say: [
        'This browser registered its key in an earlier run and the registration is still alive, so the client reuses its client_id instead of registering again.',
        'That is what a real client does: it registers its public key once, then signs a new assertion for every token request.',
      ],
      point: ['The narration: the registration reused, and the GET that found it.'],
    },
    'reused-clock-reset': {
      say: [
        'The registration from an earlier run is reused. That run moved the server’s clock for this client ahead, so the client sets it back to real time before going on.',
        'So this run’s assertion is checked on the real clock, like everyone else’s.',
      ],
      point: ['The narration: the GET of the registration, then the clock set back to 0.'],
    },
  },
  'build-claims': {
    'wrong-aud': {
      say: [
        'This time aud names another server, as an assertion stolen from another service would.',
        'RFC 7523 §3: the server MUST reject an assertion whose aud does not identify it; otherwise one service could replay its clients’ assertions to another.',
      ],
      point: ['The narration: the aud this client wrote, another server’s.'],
    },
  },
  sign: {
    'signed-stranger': {
      say: [
        'The claims are signed with a key pair made just now and never registered; the header still names the registered key’s kid.',
        'The kid only says which key to try: the server verifies against the keys registered for the client named in iss and sub, and this signature matches none of them.',
      ],
      point: ['The narration: a new key signed, under the registered key’s kid.'],
    },
    unsigned: {
      say: [
        'This assertion is not signed at all: its header says {"alg":"none"} and the signature part is empty, so anyone could have written it.',
        'The server accepts asymmetric algorithms only: it refuses this one before trying any key.',
      ],
      point: ['The narration: the header {"alg":"none"} and the empty signature.'],
    },
  },
  send: {
    'answered-late': {
      say: [
        'Before sending, the client moves the server’s clock for itself alone past the assertion’s exp: the same as sending it more than a minute late.',
        'Every other client in the room keeps real time.',
      ],
      point: [
        'The narration: how far ahead the client set its clock.',
        'The token row in the feed, red at the lifetime check (the feed lists token and API requests, not the clock request).',
      ],
    },
    replayed: {
      say: [
        'The very same request goes twice. The first gets a token; the second, identical, is the replay.',
        'The server remembers each jti until the assertion’s exp (RFC 7523 §3 allows it to), so the second one is refused.',
      ],
      point: ['Two token rows in the feed with the same client: green, then red.'],
    },
  },
  validate: {
    refused: {
      say: [
        'A check failed, so the server stops there and the flow takes the No branch: the checks after it never ran.',
        'A failed assertion is invalid_client (RFC 7523 §3.2); a request with a secret on top of the assertion is invalid_request, refused before the assertion is verified.',
      ],
      point: [
        'The decision node with its No branch lit.',
        'The red check in the feed row: the last one the server made.',
      ],
    },
  },
  issue: { refused: issueRefusedNotes },
  'call-api': callApiFailureNotes,
  end: endFailureNotes,
};

const scenarioNotes: Readonly<Record<Exclude<ScenarioId, 'custom'>, ScenarioNotes>> = {
  valid: {
    takeaway: 'A signature instead of a secret: every assertion check green, a token, data.',
    watch: 'The token row lists the assertion checks, each green.',
  },
  'expired-assertion': {
    takeaway:
      'An assertion is short-lived by design: after exp it is refused, so a copy is only good for a minute.',
    watch:
      'The token row fails at the lifetime check; the clock moved for this client only (the feed does not list the clock request).',
  },
  'replayed-jti': {
    takeaway: 'The jti is remembered until exp: the very same assertion works once, never twice.',
    watch: 'Two token rows: the first green, the second red at the jti check.',
  },
  'wrong-aud': {
    takeaway: 'An assertion names the one server it is for; another server must refuse it.',
    watch: 'The token row fails at the audience check; the signature was fine.',
  },
  'other-key': {
    takeaway: 'Only the registered key’s signature counts; a kid in the header proves nothing.',
    watch: 'The token row fails at the signature check.',
  },
  'alg-none': {
    takeaway: 'An unsigned JWT is refused before any key is looked at: asymmetric algorithms only.',
    watch: 'The token row fails at the algorithm check.',
  },
  'secret-as-well': {
    takeaway:
      'One authentication method per request: an assertion plus a secret is invalid_request.',
    watch: 'The token row fails at client authentication, before the assertion is verified.',
  },
};

/** The lesson's speaker notes. */
export const speakerNotes: SpeakerNotes<StepId, ScenarioId, StepOutcomes> = {
  opening:
    'Recall the first lesson: the client proved itself with a shared secret. Today the same grant, but the client proves itself with a private key that never leaves it.',
  steps: stepNotes,
  outcomes: outcomeNotes,
  scenarios: scenarioNotes,
};
