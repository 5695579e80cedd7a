import type { StepOutcomeTable } from '../../engine/step-record';
import type { AuthMethod } from '../../protocol/auth-methods';
import type { StepId } from './steps';

/** The outcomes each step of the client credentials lesson can record, as a closed set per step. */
export type StepOutcomes = StepOutcomeTable<
  StepId,
  {
    /** How the client put its credentials on the request. */
    readonly prepare: AuthMethod;
    readonly send: 'answered';
    readonly validate: 'accepted' | 'refused';
    readonly issue: 'issued' | 'refused';
    readonly receive: 'stored' | 'stored-short-lived' | 'tampered' | 'revoked' | 'no-token';
    readonly 'call-api': 'data' | 'refused' | 'skipped';
    readonly end: 'complete' | 'token-failed' | 'api-failed';
  }
>;
