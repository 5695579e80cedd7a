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

/** OAuth 2.0 client credentials grant (RFC 6749 §4.4). */
export const lesson = {
  slug: 'client-credentials',
  title: 'Client credentials flow',
  summary:
    'How a program gets an access token for itself, with no user involved: it proves its own identity to the authorization server, receives a short-lived token, and presents that token to the API.',
  estimatedMinutes: 15,
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
  challenges,
  scenarios,
  runners,
  runText,
  predictions,
  speakerNotes,
} satisfies Lesson<StepId, ScenarioId>;
