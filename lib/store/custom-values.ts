import { authMethods } from '../protocol/auth-methods';
import type { TokenRequestSettings } from '../protocol/requests';

/**
 * The learner's own values ("Your own values") of a lesson's stepper, kept for this browser tab
 * (sessionStorage) so that a reload of `?scenario=custom` runs with them again instead of with
 * the defaults under the same label. Only the fields the form edits are kept, each checked on
 * the way back in; anything else reads as "nothing kept".
 */

/** The fields of the stepper's form. */
export type CustomValues = Pick<
  TokenRequestSettings,
  'clientId' | 'clientSecret' | 'scope' | 'authMethod'
>;

/** Longest value kept per field (the form's values are short; a pasted essay is not kept). */
const MAX_LENGTH = 2048;

const key = (slug: string) => `flowlab-custom:${slug}`;

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage disabled
  }
}

/** Keeps `values` for this tab (best effort: a full or disabled storage keeps nothing). */
export function keepCustomValues(slug: string, values: CustomValues): void {
  const { clientId, clientSecret, scope, authMethod } = values;
  try {
    storage()?.setItem(key(slug), JSON.stringify({ clientId, clientSecret, scope, authMethod }));
  } catch {
    // quota exceeded or storage disabled
  }
}

/** The values this tab kept for the lesson, or undefined when none (or not well formed). */
export function keptCustomValues(slug: string): CustomValues | undefined {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(key(slug)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const v = raw as Record<string, unknown>;
    const text = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_LENGTH;
    const authMethod = authMethods.find((m) => m === v.authMethod);
    if (!text(v.clientId) || !text(v.clientSecret) || !text(v.scope) || !authMethod)
      return undefined;
    return { clientId: v.clientId, clientSecret: v.clientSecret, scope: v.scope, authMethod };
  } catch {
    return undefined;
  }
}
