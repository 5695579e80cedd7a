import type { ScenarioNotes, SpeakerNotes, StepNotes } from '../types';
import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';

/**
 * Speaker notes for presenting the private_key_jwt lesson: per step, what to say and point at;
 * per scenario, what the room should notice in the live feed.
 */

const stepNotes: Readonly<Record<StepId, StepNotes>> = {
  'make-key': {
    say: [
      'Same grant as before, different proof: instead of a shared secret the client will prove it holds a private key.',
      'The key pair is made in this very browser with WebCrypto, and the private key is non-extractable: it can sign, but nobody can copy it out.',
    ],
    point: ['The kid in the variable tracker: the public key’s thumbprint.'],
  },
  register: {
    say: [
      'Registration sends the public key only. The server answers with a client_id and no secret, because there is nothing secret for it to hold.',
      'That is the point (RFC 9700 §2.5): a leaked server database or log now reveals nothing that can authenticate as this client.',
    ],
    point: [
      'The jwks in the request body: kty, crv, x, y, and no d.',
      'The 201 answer without client_secret.',
    ],
  },
  'build-claims': {
    say: [
      'iss and sub are the client itself, aud is this server, exp is a minute away, jti is random (RFC 7523 §3).',
      'Short life plus a one-time jti is what makes a copied assertion close to worthless.',
    ],
    point: ['aud, exp and jti in the tracker.'],
  },
  sign: {
    say: [
      'Signing turns the claims into the client assertion. It goes in the form body as client_assertion, with client_assertion_type …jwt-bearer (RFC 7523 §2.2).',
      'There is no Authorization header on this request at all.',
    ],
    point: ['The prepared request: client_assertion_type and client_assertion.'],
  },
  send: {
    say: [
      'The token request is a form POST to /token, as in the first lesson; only the proof changed.',
    ],
    point: ['The new row in the live feed, with the client’s own id.'],
  },
  validate: {
    say: [
      'The server checks, in order: format, subject, algorithm, signature against the registered key, audience, lifetime, and that the jti is new.',
      'Any failure of the assertion is invalid_client (RFC 7523 §3.2).',
    ],
    point: ['The assertion checks in the feed row, all green on the happy path.'],
  },
  issue: {
    say: [
      'The token is exactly the same kind of token a secret would have got: the API cannot tell how the client authenticated.',
    ],
    point: ['The JSON response and the decoded claims.'],
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
    point: ['The scenario list (press ? for the keys).'],
  },
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
      'A clock row (PUT /register/…/clock) for this client only, then the token row fails at the lifetime check.',
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
export const speakerNotes: SpeakerNotes<StepId, ScenarioId> = {
  opening:
    'Recall the first lesson: the client proved itself with a shared secret. Today the same grant, but the client proves itself with a private key that never leaves it.',
  steps: stepNotes,
  scenarios: scenarioNotes,
};
