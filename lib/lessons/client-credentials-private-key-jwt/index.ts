import type { Lesson } from '../types';
import { challenges } from './challenges';
import { intro } from './intro';
import { keyMoments } from './key-moments';
import { notes, summaryPoints } from './notes';
import { practice } from './practice';
import { run } from './run';
import type { ScenarioId } from './scenarios';
import { snapshot } from './snapshot';
import { speakerNotes } from './speaker-notes';
import type { StepId } from './steps';
import { syntax } from './syntax';
import { transcript } from './transcript';
import { visualQuiz } from './visual-quiz';

/** Client credentials with private_key_jwt client authentication (RFC 7523 §2.2). */
export const lesson = {
  ...run,
  summary:
    'The same grant, proven with a signature instead of a secret: your browser makes a key pair, registers only the public key, and signs a short-lived, single-use JWT for each token request.',
  estimatedMinutes: 20,
  keyMoments,
  practice,
  intro,
  syntax,
  notes,
  summaryPoints,
  snapshot,
  transcript,
  visualQuiz,
  speakerNotes,
  challenges,
} satisfies Lesson<StepId, ScenarioId>;
