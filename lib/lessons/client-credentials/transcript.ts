export const transcript: readonly string[] = [];
