import type { TrackedVariable } from '../types';

export const variables: readonly TrackedVariable[] = [];
