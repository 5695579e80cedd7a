import type { Lesson } from '../types';

export const flow = { nodes: [], edges: [], caption: '' } satisfies Lesson['flow'];
