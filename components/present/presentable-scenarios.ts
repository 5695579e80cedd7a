import { scenarios, type Scenario } from '@/lib/engine/scenarios';

/** The scenarios a presenter switches between: every one of the engine's but the learner's own. */
export const presentableScenarios: readonly Scenario[] = scenarios.filter((s) => s.id !== 'custom');
