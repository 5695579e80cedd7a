import type { KeyMoment } from '../types';

export const keyMoments: readonly KeyMoment[] = [];
