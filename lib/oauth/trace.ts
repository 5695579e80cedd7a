/**
 * Records what one request's handler checked, in order, and turns it into the {@link AuthEvent}
 * the server reports once the response is ready.
 */
import { OAuthError } from './errors';
import type { AuthEndpoint, AuthEvent, Check } from './events';

export class RequestTrace {
  readonly checks: Check[] = [];
  clientId: string | null = null;
  credential: AuthEvent['credential'] = undefined;
  /** The error code of a response the handler returned itself (not thrown). */
  error: string | undefined = undefined;

  /** Records a passed check. */
  pass(id: string, label: string, detail?: string): void {
    this.checks.push(
      detail === undefined ? { id, label, ok: true } : { id, label, ok: true, detail },
    );
  }

  /** Records a failed check and returns the error to throw: `throw trace.fail(...)`. */
  fail(id: string, label: string, error: OAuthError, detail?: string): OAuthError {
    this.checks.push({ id, label, ok: false, detail: detail ?? error.description });
    return error;
  }

  /** Records a failed check that does not end the request with an error (introspection). */
  note(id: string, label: string, detail: string): void {
    this.checks.push({ id, label, ok: false, detail });
  }

  toEvent(
    base: { at: number; endpoint: AuthEndpoint; method: string; path: string; durationMs: number },
    response: { readonly status: number },
    error?: string,
  ): AuthEvent {
    return {
      ...base,
      clientId: this.clientId,
      status: response.status,
      ...(error === undefined ? {} : { error }),
      checks: this.checks,
      ...(this.credential === undefined ? {} : { credential: this.credential }),
    };
  }
}
