import type { StepOutcomeTable } from '../../engine/step-record';
import type { StepId } from './steps';

/** The outcomes each step of the private_key_jwt lesson can record, as a closed set per step. */
export type StepOutcomes = StepOutcomeTable<
  StepId,
  {
    readonly 'make-key': 'ready';
    /** A new registration, or this browser's earlier one, still alive (its clock set back to real time when an earlier run had moved it). */
    readonly register: 'registered' | 'reused' | 'reused-clock-reset';
    /** Which claims the client wrote. */
    readonly 'build-claims': 'standard' | 'wrong-aud';
    /** How the assertion was signed: the learner's key, a stranger's key, or not at all. */
    readonly sign: 'signed' | 'signed-stranger' | 'unsigned';
    /** Sent once; sent after fast-forwarding the client's clock; sent twice (replay). */
    readonly send: 'answered' | 'answered-late' | 'replayed';
    readonly validate: 'accepted' | 'refused';
    readonly issue: 'issued' | 'refused';
    readonly 'call-api': 'data' | 'refused' | 'skipped';
    readonly end: 'complete' | 'token-failed' | 'api-failed';
  }
>;
