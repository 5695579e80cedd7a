/**
 * Records what one request's handler checked, in order, and turns it into the {@link AuthEvent}
 * the server reports once the response is ready (and the `FlowLab-Checks` header it carries).
 */
import type { Check, CheckId } from '../protocol/checks';
import type { OAuthError } from './errors';
import { StateUnavailableError } from './state-store';
import type { AuthEndpoint, AuthEvent } from './events';

/**
 * The longest client id an event carries. The id is what the request named, before anything
 * checked it, and the live feed shows it on the presenter's screen: a longer one is cut, so
 * nobody can put a paragraph on the projector. Every id FlowLab issues or seeds is far shorter.
 */
export const MAX_EVENT_CLIENT_ID = 64;

/**
 * A client id as an event may show it, at most {@link MAX_EVENT_CLIENT_ID} characters: control
 * and format characters replaced (bidi overrides would show `\u202ecba` as `abc`, zero-width
 * ones hide, line separators break rows), and combining marks at most two on a character.
 */
export function shownClientId(id: string): string {
  const printable = id
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '\ufffd')
    .replace(/(\p{M}{2})\p{M}+/gu, '$1');
  const chars = Array.from(printable);
  return chars.length <= MAX_EVENT_CLIENT_ID
    ? printable
    : `${chars.slice(0, MAX_EVENT_CLIENT_ID - 1).join('')}…`;
}

/** The per-request recorder of the server's checks. */
export class CheckRecorder {
  readonly checks: Check[] = [];
  clientId: string | null = null;
  credential: AuthEvent['credential'] = undefined;
  /** Grading facts of the event (see {@link AuthEvent}); set where they become known. */
  authMethod: string | undefined = undefined;
  authenticatedClientId: string | undefined = undefined;
  tokenClientId: string | undefined = undefined;
  tokenId: string | undefined = undefined;
  /** The error code of a response the handler returned itself (not thrown). */
  error: string | undefined = undefined;

  /** Records a passed check. */
  pass(id: CheckId, detail?: string): void {
    this.checks.push(detail === undefined ? { id, ok: true } : { id, ok: true, detail });
  }

  /** Records a failed check and returns the error to throw: `throw checks.fail(...)`. */
  fail(id: CheckId, error: OAuthError, detail?: string): OAuthError {
    this.checks.push({ id, ok: false, detail: detail ?? error.description });
    return error;
  }

  /**
   * Awaits the state-store call check `id` needs; when the store is unreachable, records `id` as
   * failed (the 503 names the check the server could not make) and rethrows.
   */
  async fromStore<T>(id: CheckId, call: Promise<T>): Promise<T> {
    try {
      return await call;
    } catch (e) {
      if (e instanceof StateUnavailableError) this.fail(id, e, 'the state store is unreachable');
      throw e;
    }
  }

  /** Records a failed check that does not end the request with an error (introspection). */
  note(id: CheckId, detail: string): void {
    this.checks.push({ id, ok: false, detail });
  }

  /** The event the server reports for this request. */
  toEvent(
    base: { at: number; endpoint: AuthEndpoint; method: string; path: string; durationMs: number },
    response: { readonly status: number; readonly headers?: Readonly<Record<string, string>> },
    error?: string,
  ): AuthEvent {
    const retryAfter = Number(response.headers?.['Retry-After'] ?? NaN);
    const facts = {
      authMethod: this.authMethod,
      authenticatedClientId: this.authenticatedClientId,
      tokenClientId: this.tokenClientId,
      tokenId: this.tokenId,
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    };
    return {
      ...base,
      clientId: this.clientId === null ? null : shownClientId(this.clientId),
      status: response.status,
      ...(error === undefined ? {} : { error }),
      checks: this.checks,
      ...(this.credential === undefined ? {} : { credential: this.credential }),
      ...Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)),
    };
  }
}
