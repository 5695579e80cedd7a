import type { ScenarioId } from './scenarios';
import type { StepId } from './steps';
import type { VisualQuizItem } from '../types';

/**
 * The visual quiz of the private_key_jwt lesson: questions answered from the learner's own run
 * (the real client_id this browser registered, the real assertion, the real replay refusal).
 */
export const visualQuiz: readonly VisualQuizItem<StepId, ScenarioId>[] = [
  {
    id: 'client-after-register',
    kind: 'value-after-step',
    prompt: 'In your run, what is the value of client_id after step {step}?',
    stepId: 'register',
    variable: 'client_id',
    scenario: 'valid',
    hint: 'Open step {step} and read the registration answer and the client_id row of the variable tracker.',
    explanation:
      'The registration answer names the client: its client_id is this browser’s, and it goes into the assertion as both iss and sub. There is no client_secret to remember.',
  },
  {
    id: 'assertion-after-sign',
    kind: 'value-after-step',
    prompt: 'In your run, which value did the client send as client_assertion (after step {step})?',
    stepId: 'sign',
    variable: 'client_assertion',
    scenario: 'valid',
    hint: 'Open step {step}: the prepared request carries client_assertion, and the tracker shows it.',
    explanation:
      'The client assertion is a JWT: header, claims and an ES256 signature made with the private key. It replaces the secret in the token request.',
  },
  {
    id: 'signature-check-step',
    kind: 'step-of',
    prompt: 'At which step does the authorization server verify the assertion’s signature?',
    stepId: 'validate',
    scenario: 'valid',
    hint: 'Look for the step whose validation column asks "assertion valid?" (step {step}).',
    explanation:
      'The server verifies the assertion when it decides: signature against the registered public key, then audience, lifetime and jti. That decision is the Yes / No branch of the flow.',
  },
  {
    id: 'replay-branch',
    kind: 'branch-on-error',
    prompt: 'If the same assertion were sent a second time, what would change in the flow?',
    stepId: 'validate',
    scenario: 'replayed-jti',
    distractors: [
      'The server would issue a second token, since the signature is still valid.',
      'The client would get the first token back again.',
      'The API would refuse the token instead.',
    ],
    hint: 'Run the replayed-jti scenario and watch step {step} take the "No" branch.',
    explanation:
      'The server remembers each jti until the assertion’s exp. A second use of the same assertion is a replay and is refused with invalid_client, so no token is issued and access_token stays None.',
  },
];
