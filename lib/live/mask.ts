/**
 * Masking of credentials shown in the live request feed. A projector is a public screen: client
 * secrets and access tokens are shown masked unless the presenter reveals one on purpose.
 */

/** The visible mark that stands for hidden characters. */
export const MASK = '•••';

/** How many leading characters of a client secret stay visible (`xyz` -> `xy•••`). */
export const SECRET_VISIBLE_CHARS = 2;

/** How many leading characters of a token stay visible (`eyJhbGciOi…`). */
export const TOKEN_VISIBLE_CHARS = 10;

/** Which kind of credential a value is, which decides how it is masked. */
export type CredentialKind = 'secret' | 'token';

/**
 * Masks a client secret: its first two characters and a fixed mark, so neither the rest nor the
 * length is disclosed. Secrets of two characters or fewer are hidden entirely.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.1 (client secrets are confidential)
 */
export function maskSecret(secret: string): string {
  if (secret.length <= SECRET_VISIBLE_CHARS) return MASK;
  return `${secret.slice(0, SECRET_VISIBLE_CHARS)}${MASK}`;
}

/**
 * Masks a bearer token: its first ten characters (enough to recognise a JWT header, `eyJhbGciOi`)
 * followed by an ellipsis. A token of ten characters or fewer is hidden entirely.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-5.3 (bearer tokens must not leak)
 */
export function maskToken(token: string): string {
  if (token.length <= TOKEN_VISIBLE_CHARS) return MASK;
  return `${token.slice(0, TOKEN_VISIBLE_CHARS)}…`;
}

/** Masks a credential according to its kind. */
export function maskCredential(kind: CredentialKind, value: string): string {
  return kind === 'secret' ? maskSecret(value) : maskToken(value);
}
