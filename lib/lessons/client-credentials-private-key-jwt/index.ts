import type { Lesson } from '../types';
import { challenges } from './challenges';
import { flow } from './flow';
import { intro } from './intro';
import { keyMoments } from './key-moments';
import { notes, summaryPoints } from './notes';
import { practice } from './practice';
import { predictions } from './predictions';
import { runText } from './run-text';
import { runners } from './runners';
import { scenarios, type ScenarioId } from './scenarios';
import { snapshot } from './snapshot';
import { speakerNotes } from './speaker-notes';
import { steps, type StepId } from './steps';
import { syntax } from './syntax';
import { transcript } from './transcript';
import { variables } from './variables';
import { visualQuiz } from './visual-quiz';

/** Client credentials with private_key_jwt client authentication (RFC 7523 §2.2). */
export const lesson = {
  slug: 'client-credentials-private-key-jwt',
  title: 'Client credentials with a private key (private_key_jwt)',
  summary:
    'The same grant, proven with a signature instead of a secret: your browser makes a key pair, registers only the public key, and signs a short-lived, single-use JWT for each token request.',
  estimatedMinutes: 20,
  flow,
  steps,
  variables,
  keyMoments,
  practice,
  intro,
  syntax,
  notes,
  summaryPoints,
  snapshot,
  transcript,
  visualQuiz,
  scenarios,
  runners,
  runText,
  predictions,
  speakerNotes,
  challenges,
} satisfies Lesson<StepId, ScenarioId>;
