/**
 * Access tokens as JWTs (RFC 9068): issued by the token endpoint, verified by the protected API
 * and by introspection, check by check in a fixed order so the live feed can show where a token
 * was refused.
 */
import { base64url, compactVerify, SignJWT } from 'jose';
import type { SigningKey } from './key-store';
import type { StateStore } from './state-store';
import { decodeJsonPart } from '../protocol/base64url';
import type { CheckId } from '../protocol/checks';
import type { CheckRecorder } from './check-recorder';

/** The JOSE header `typ` of access tokens. @see https://www.rfc-editor.org/rfc/rfc9068#section-2.1 */
export const ACCESS_TOKEN_TYP = 'at+jwt';

/** The claims FlowLab's access tokens carry. @see https://www.rfc-editor.org/rfc/rfc9068#section-2.2 */
export interface AccessTokenClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string | string[];
  readonly exp: number;
  readonly iat: number;
  readonly nbf?: number;
  readonly jti: string;
  readonly client_id: string;
  readonly scope: string;
}

/**
 * What an access token is issued with: key, issuer, audience, client, scope and lifetime.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2
 */
export interface IssueOptions {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly audience: string;
  readonly clientId: string;
  readonly scope: string;
  /** Seconds. */
  readonly lifetime: number;
  /** Epoch seconds. */
  readonly now: number;
}

/**
 * Signs an access token: header `{alg, typ: "at+jwt", kid}`, claims
 * `iss, sub (= client_id for this grant), aud, exp, iat, jti, client_id, scope`.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-2
 */
export async function issueAccessToken(
  options: IssueOptions,
): Promise<{ token: string; claims: AccessTokenClaims }> {
  const claims: AccessTokenClaims = {
    iss: options.issuer,
    sub: options.clientId,
    aud: options.audience,
    exp: options.now + options.lifetime,
    iat: options.now,
    jti: crypto.randomUUID(),
    client_id: options.clientId,
    scope: options.scope,
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: options.key.alg, typ: ACCESS_TOKEN_TYP, kid: options.key.kid })
    .sign(options.key.privateKey);
  return { token, claims };
}

/** Why a token was refused: the failed check, and what was seen. */
export class AccessTokenInvalid extends Error {
  constructor(
    readonly check: CheckId,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'AccessTokenInvalid';
  }
}

/**
 * What an access token is verified against: key, issuer, audience, time and clock tolerance.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 */
export interface VerifyOptions {
  readonly key: SigningKey;
  readonly issuer: string;
  readonly audience: string;
  /** Epoch seconds. */
  readonly now: number;
  /** Seconds of clock skew tolerated for exp / nbf / iat. */
  readonly clockTolerance: number;
  readonly state: StateStore;
  /**
   * The token's client as it is now, asked only once the signature verified: undefined when it
   * is gone (a deleted or lapsed registration), which ends its tokens at `revocation` (RFC 7592
   * §2.3); else the seconds its clock runs ahead (a registered client's own setting), added to
   * `now` for this token's exp / nbf / iat only.
   */
  readonly client?: (clientId: string) => Promise<{ readonly clockOffset: number } | undefined>;
}

const decodeJson = (segment: string) => decodeJsonPart(segment, base64url.decode);

/**
 * Verifies an access token, recording the checks `jwt-format`, `alg`, `signature`, `typ`, `iss`,
 * `aud`, `exp` (exp, nbf and iat with the clock tolerance) and `revocation` (the token, or its
 * whole client, revoked) on the checks.
 * Throws {@link AccessTokenInvalid} at the first failure.
 * @see https://www.rfc-editor.org/rfc/rfc9068#section-4
 * @see https://www.rfc-editor.org/rfc/rfc8725#section-3.1
 */
export async function verifyAccessToken(
  token: string,
  options: VerifyOptions,
  checks: CheckRecorder,
): Promise<AccessTokenClaims> {
  const fail = (check: CheckId, detail: string): never => {
    throw new AccessTokenInvalid(check, detail);
  };
  const step = (check: CheckId, ok: boolean, detail: string) => {
    if (!ok) fail(check, detail);
    checks.pass(check);
  };

  const parts = token.split('.');
  const header = parts.length === 3 ? decodeJson(parts[0]!) : null;
  const payload = header ? decodeJson(parts[1]!) : null;
  step(
    'jwt-format',
    header !== null && payload !== null,
    'the token is not three base64url JSON parts (header.payload.signature)',
  );
  const h = header!;
  const p = payload!;
  if (typeof p.client_id === 'string') checks.clientId = p.client_id;
  const { key } = options;

  step('alg', h.alg === key.alg, `expected alg ${key.alg}`);

  if (h.kid !== undefined && h.kid !== key.kid) {
    fail('signature', 'signed with a key this server does not have (unknown kid)');
  }
  try {
    await compactVerify(token, key.publicKey, { algorithms: [key.alg] });
  } catch {
    fail('signature', "the signature does not verify with the server's public key");
  }
  checks.pass('signature');
  if (typeof p.client_id === 'string') checks.tokenClientId = p.client_id;
  if (typeof p.jti === 'string') checks.tokenId = p.jti;

  const typ = typeof h.typ === 'string' ? h.typ.toLowerCase() : undefined;
  step(
    'typ',
    typ === ACCESS_TOKEN_TYP || typ === `application/${ACCESS_TOKEN_TYP}`,
    'expected typ at+jwt',
  );
  step('iss', p.iss === options.issuer, `expected iss ${options.issuer}`);
  const aud = p.aud;
  const audOk = aud === options.audience || (Array.isArray(aud) && aud.includes(options.audience));
  step('aud', audOk, `expected aud ${options.audience}`);

  const client =
    options.client && typeof p.client_id === 'string'
      ? await checks.fromStore('exp', options.client(p.client_id))
      : { clockOffset: 0 };
  const offset = client?.clockOffset ?? 0;
  const now = options.now + offset;
  const tol = options.clockTolerance;
  if (typeof p.exp !== 'number') fail('exp', 'the token has no exp claim');
  if (typeof p.iat !== 'number') fail('exp', 'the token has no iat claim');
  const exp = p.exp as number;
  if (now - tol >= exp)
    fail('exp', `expired ${now - exp} s ago (exp ${new Date(exp * 1000).toISOString()})`);
  if (p.nbf !== undefined && (typeof p.nbf !== 'number' || p.nbf > now + tol)) {
    fail('exp', 'not valid yet (nbf is in the future or not a number)');
  }
  if ((p.iat as number) > now + tol) fail('exp', 'issued in the future (iat is after now)');
  checks.pass('exp', offset === 0 ? undefined : `client clock +${offset} s`);

  if (typeof p.jti !== 'string') fail('revocation', 'the token has no jti claim');
  if (await checks.fromStore('revocation', options.state.isRevoked(p.jti as string)))
    fail('revocation', 'the token was revoked');
  if (!client)
    fail('revocation', "the token's client no longer exists (registration deleted or lapsed)");
  checks.pass('revocation');

  return p as unknown as AccessTokenClaims;
}
