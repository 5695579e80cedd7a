import type { LessonStep } from '../types';

export const steps: readonly LessonStep[] = [];
