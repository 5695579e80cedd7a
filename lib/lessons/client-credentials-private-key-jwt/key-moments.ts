import type { KeyMoment } from '../types';
import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';

/** The insights of the private_key_jwt lesson, each tied to the steps that show it. */
export const keyMoments: readonly KeyMoment<StepId, ScenarioId>[] = [
  {
    id: 'no-shared-secret',
    question: 'Why is a private key better than a client secret?',
    answer:
      'With a secret, both sides hold the same value: a leaked server-side store, a backup or a log line that caught the secret lets anyone authenticate as the client. With private_key_jwt the server stores only the public key (step 2), which can verify signatures but never make one. RFC 9700 §2.5 recommends asymmetric client authentication for exactly this reason: the authorization server no longer has to store sensitive symmetric keys. In this lesson the private key is even non-extractable in your browser: it signs (step 4) without ever existing as bytes a script could read.',
    stepIds: ['make-key', 'register', 'sign'],
  },
  {
    id: 'one-time-proof',
    question: 'What if someone copies the token request?',
    answer:
      'A copied secret works forever; a copied assertion hardly at all. It names this server as its audience, expires about a minute after it was made, and carries a jti that the server remembers until that exp (RFC 7523 §3 items 3, 4 and 7): replay it and the server answers invalid_client. Run the replayed-jti scenario and watch step 6.',
    stepIds: ['build-claims', 'send', 'validate'],
    scenario: 'replayed-jti',
  },
  {
    id: 'same-token',
    question: 'Does the API notice the different client authentication?',
    answer:
      'No. Client authentication happens only at the token endpoint. The access token the server issues (step 7) is the same kind as with a secret, and the API (step 8) checks that token only. Changing how a client authenticates changes nothing for the resource servers.',
    stepIds: ['issue', 'call-api'],
  },
];
