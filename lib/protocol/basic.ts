/**
 * HTTP Basic client credentials as RFC 6749 asks: each half form-urlencoded (Appendix B), joined
 * by a colon, base64. Encoded by the client views and decoded by the server, in one place.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */

/**
 * `application/x-www-form-urlencoded` encoding of one value.
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * `application/x-www-form-urlencoded` decoding of one value (`+` is a space); null when a
 * percent-escape is malformed or the bytes are not UTF-8.
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function formDecode(value: string): string | null {
  const spaced = value.includes('+') ? value.replace(/\+/g, ' ') : value;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

/**
 * The `Authorization: Basic` value for a client (`client_secret_basic`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function encodeBasicAuthorization(clientId: string, clientSecret: string): string {
  // form-encoding leaves only ASCII, so btoa sees one byte per character
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
}

/** Why a Basic header could not be decoded. */
export const basicProblems = [
  'not-base64',
  'not-utf8',
  'no-colon',
  'bad-escape',
  'empty-client-id',
] as const;
/** One of {@link basicProblems}. */
export type BasicProblem = (typeof basicProblems)[number];

/** The outcome of decoding an Authorization header as Basic credentials. */
export type BasicDecoding =
  | { readonly ok: true; readonly clientId: string; readonly clientSecret: string }
  | { readonly ok: false; readonly problem: BasicProblem };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes a `Basic` Authorization header value: base64 of `id:secret`, split at the FIRST colon,
 * each half form-urldecoded (so `%3A` in an id is a colon and `+` is a space). Returns null when
 * the scheme is not Basic.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 * @see https://www.rfc-editor.org/rfc/rfc7617#section-2
 */
export function decodeBasicAuthorization(header: string): BasicDecoding | null {
  const match = /^([A-Za-z]+)(?: +(.*))?$/.exec(header.trim());
  if (!match || match[1]!.toLowerCase() !== 'basic') return null;
  const token = (match[2] ?? '').trim();
  if (token === '' || !BASE64.test(token)) return { ok: false, problem: 'not-base64' };
  let text: string;
  try {
    const bytes = Uint8Array.from(atob(token), (ch) => ch.charCodeAt(0));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not-utf8' };
  }
  const colon = text.indexOf(':');
  if (colon === -1) return { ok: false, problem: 'no-colon' };
  const clientId = formDecode(text.slice(0, colon));
  const clientSecret = formDecode(text.slice(colon + 1));
  if (clientId === null || clientSecret === null) return { ok: false, problem: 'bad-escape' };
  if (clientId === '') return { ok: false, problem: 'empty-client-id' };
  return { ok: true, clientId, clientSecret };
}
