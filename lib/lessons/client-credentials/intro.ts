import type { Lesson } from '../types';

export const intro = { purpose: '', whenToUse: [], whyNoUser: '' } satisfies Lesson['intro'];
