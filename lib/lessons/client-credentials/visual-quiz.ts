import type { StepId } from './steps';
import type { ScenarioId } from './scenarios';
import type { VisualQuizItem } from '../types';

/**
 * The visual quiz: three questions read off the execution table and the concept flow. Their
 * options come from the learner's own run (see lib/engine/visual-quiz.ts), so the token in the
 * first question is the real one the server just issued.
 */
export const visualQuiz: readonly VisualQuizItem<StepId, ScenarioId>[] = [
  {
    id: 'token-after-issue',
    kind: 'value-after-step',
    prompt: 'In your run, what is the value of access_token after step {step}?',
    stepId: 'issue',
    variable: 'access_token',
    scenario: 'valid',
    hint: 'Open step {step} and read the Response column and the access_token row of the variable tracker.',
    explanation:
      'The authorization server issues the token in this step: the response\'s access_token field is copied into the access_token variable. "Bearer" is its token_type, and the client_id is who asked for it.',
  },
  {
    id: 'validation-step',
    kind: 'step-of',
    prompt: 'At which step does the authorization server validate the client credentials?',
    stepId: 'validate',
    scenario: 'valid',
    hint: 'Look for the step whose Server validation column asks "credentials valid?" (step {step} in the visualizer).',
    explanation:
      'Validation is the decision point of the flow: the server checks the client is known and the secret matches before it decides between the Yes branch (a token) and the No branch (an error).',
  },
  {
    id: 'wrong-secret-branch',
    kind: 'branch-on-error',
    prompt: 'If client_secret were wrong, what would change in the flow?',
    stepId: 'validate',
    scenario: 'wrong-secret',
    distractors: [
      'The server would issue a token anyway.',
      'The client would skip sending the POST request.',
      'The client would receive a token of a different type.',
    ],
    hint: 'Run the wrong-secret scenario and watch step {step} take the "No" branch of the concept flow.',
    explanation:
      'A wrong secret fails the validation, so the server takes the No branch: it answers with an error (FlowLab’s is 401 invalid_client) instead of a token, and access_token stays None. The client still sends its request; the token type never changes.',
  },
];
