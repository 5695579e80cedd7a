import type { JSONWebKeySet } from 'jose';
import { base64urlEncode, decodeJsonPart } from '../protocol/base64url';

/**
 * Helpers for showing an access token to a learner: its header and claims decoded and explained,
 * times as dates. Checking its signature is in `jwt-verify.ts`, which pages load when they
 * need it.
 * @see https://www.rfc-editor.org/rfc/rfc9068
 */

/** One header field or claim, with a plain-language explanation. */
export interface TokenField {
  readonly name: string;
  readonly value: unknown;
  /** The value as text; numeric dates are given as ISO 8601 too. */
  readonly display: string;
  readonly explanation: string;
}

/** A JWT split into its explained header fields, claims and raw parts. */
export interface DecodedToken {
  readonly header: readonly TokenField[];
  readonly claims: readonly TokenField[];
  /** The three base64url parts, for showing where each comes from. */
  readonly parts: { readonly header: string; readonly payload: string; readonly signature: string };
}

const headerExplanations: Readonly<Record<string, string>> = {
  alg: 'Signature algorithm. ES256 is ECDSA with the P-256 curve and SHA-256.',
  typ: 'Token type. "at+jwt" marks a JWT access token (RFC 9068), so it cannot be mistaken for another kind of JWT.',
  kid: 'Key id: which of the server’s published keys signed this token.',
};

const claimExplanations: Readonly<Record<string, string>> = {
  iss: 'Issuer: the authorization server that created the token.',
  sub: 'Subject: who the token is about. In the client credentials grant that is the client itself.',
  aud: 'Audience: the API this token is meant for. Other APIs must refuse it.',
  exp: 'Expiry: after this moment the API must refuse the token.',
  iat: 'Issued at: when the server created the token.',
  nbf: 'Not before: the token is not valid before this moment.',
  jti: 'JWT id: a unique id for this token, used for example to revoke it.',
  client_id: 'The client that asked for the token.',
  scope: 'What the token allows, space-separated. GET /api/data needs data:read.',
};

const dateClaims = new Set(['exp', 'iat', 'nbf', 'auth_time']);

function display(name: string, value: unknown): string {
  if (dateClaims.has(name) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString()})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fields(
  record: Readonly<Record<string, unknown>>,
  explanations: Readonly<Record<string, string>>,
) {
  return Object.entries(record).map(([name, value]) => ({
    name,
    value,
    display: display(name, value),
    explanation: explanations[name] ?? 'A claim this lesson does not use.',
  }));
}

/** Whether a string has the shape of a compact JWS (three base64url parts). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/**
 * Decodes a JWT's header and claims without checking anything (never trust these values before
 * the signature is verified). Returns null when the text is not a decodable JWT.
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-7.2
 */
export function decodeToken(token: string): DecodedToken | null {
  if (!looksLikeJwt(token)) return null;
  try {
    const [h = '', p = '', s = ''] = token.split('.');
    const header = decodeJsonPart(h);
    const claims = decodeJsonPart(p);
    if (!header || !claims) return null;
    return {
      header: fields(header, headerExplanations),
      claims: fields(claims, claimExplanations),
      parts: { header: h, payload: p, signature: s },
    };
  } catch {
    return null;
  }
}

/**
 * The same token with some payload claims replaced and the original signature kept: what an
 * attacker editing a token produces. The API must reject it (the signature no longer matches).
 */
export function tamperToken(token: string, changes: Readonly<Record<string, unknown>>): string {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) {
    throw new Error('not a compact JWT');
  }
  const claims = decodeJsonPart(payload) ?? {};
  const edited = base64urlEncode(JSON.stringify({ ...claims, ...changes }));
  return `${header}.${edited}.${signature}`;
}

/** Narrows parsed JSON to a JWKS. */
export function isJwks(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
  );
}
