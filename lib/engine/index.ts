/**
 * The step engine's public surface: scenarios, snippets, the trace and its
 * derived views, the player reducer, predictions and token helpers. Framework-free.
 */
export * from './deep-link';
export * from './derived';
export * from './errors';
export * from './format';
export * from './http';
export * from './jwt';
export * from './player';
export * from './predictions';
export * from './record-exchange';
export * from './scenarios';
export * from './snippets';
export * from './runners';
export * from './run-text';
export * from './step-record';
export * from './trace';
