import type { PracticeQuestion } from '../types';

export const practice: readonly PracticeQuestion[] = [];
