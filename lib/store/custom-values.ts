import { CUSTOM_SCENARIO } from '../engine/scenarios';
import { authMethods } from '../protocol/auth-methods';
import type { TokenRequestSettings } from '../protocol/requests';
import { webStorage } from './web-storage';

/**
 * The learner's own values of a lesson's stepper ("Your own values", or the edits of a scenario
 * that keeps them), kept for this browser tab (sessionStorage) with the scenario they belong to,
 * so that a reload of `?scenario=custom` (or of that scenario) runs with them again instead of
 * with the defaults under the same label. Only the fields the form edits are kept, each checked
 * on the way back in; anything else reads as "nothing kept".
 */

/** The fields of the stepper's form. */
export type CustomValues = Pick<
  TokenRequestSettings,
  'clientId' | 'clientSecret' | 'scope' | 'authMethod'
>;

/** Longest value kept per field (the form's values are short; a pasted essay is not kept). */
const MAX_LENGTH = 2048;

const key = (slug: string) => `flowlab-custom:${slug}`;

const storage = () => webStorage('sessionStorage');

/**
 * Keeps `values` of `scenario` for this tab, or (null) forgets them (best effort: a full or
 * disabled storage keeps nothing).
 */
export function keepCustomValues(
  slug: string,
  scenario: string,
  values: CustomValues | null,
): void {
  try {
    if (!values) return storage()?.removeItem(key(slug));
    const { clientId, clientSecret, scope, authMethod } = values;
    storage()?.setItem(
      key(slug),
      JSON.stringify({ scenario, clientId, clientSecret, scope, authMethod }),
    );
  } catch {
    // quota exceeded or storage disabled
  }
}

/**
 * The run this tab edited last, its scenario and values, or undefined when none (or not well
 * formed): what a reload of that scenario, or a link that names no scenario (the mode bar's),
 * opens.
 */
export function keptRun(slug: string): { scenario: string; values: CustomValues } | undefined {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(key(slug)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const v = raw as Record<string, unknown>;
    // kept before values named their scenario: the learner's own values
    const scenario = v.scenario ?? CUSTOM_SCENARIO;
    if (typeof scenario !== 'string') return undefined;
    const text = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_LENGTH;
    const authMethod = authMethods.find((m) => m === v.authMethod);
    if (!text(v.clientId) || !text(v.clientSecret) || !text(v.scope) || !authMethod)
      return undefined;
    const values = {
      clientId: v.clientId,
      clientSecret: v.clientSecret,
      scope: v.scope,
      authMethod,
    };
    return { scenario, values };
  } catch {
    return undefined;
  }
}
