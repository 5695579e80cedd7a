export const snapshot: readonly string[] = [];
