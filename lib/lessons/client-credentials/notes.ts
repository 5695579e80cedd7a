export const notes: readonly string[] = [];
export const summaryPoints: readonly string[] = [];
