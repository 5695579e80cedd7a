import type { Lesson } from '../types';

export const syntax = { notes: [], examples: [] } satisfies Lesson['syntax'];
