/**
 * `private_key_jwt`: authenticating a client by the JWT it signed with its private key, checked
 * against the public keys it registered (RFC 7523 §2.2 and §3, RFC 7521 §4.2). Each check is
 * recorded for the live feed; a failed one is the caller's `401 invalid_client`, which carries the
 * token endpoint's Basic challenge: RFC 9110 §15.5.2 requires a challenge on every 401, and RFC 6749
 * §5.2 uses it to say which HTTP authentication schemes the endpoint supports.
 *
 * Failed assertions do not count toward the lockout of wrong secrets: a signature cannot be
 * guessed, so counting buys nothing, and it would let anyone who knows a client_id lock that
 * client out with junk assertions.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
import { base64url, compactVerify, importJWK } from 'jose';
import { decodeJsonPart } from '../protocol/base64url';
import { isAssertionAlg, type AssertionAlg } from '../protocol/client-assertion';
import type { PublicJwk } from '../protocol/registration';
import { TOKEN_PATH } from '../protocol/paths';
import type { RegisteredClient } from './clients';
import { OAuthError } from './errors';
import { candidateKeys } from './jwks';
import type { StateStore } from './state-store';
import type { CheckRecorder } from './check-recorder';

/** The longest an assertion may still be valid when it arrives: it is a one-time proof. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/**
 * Most assertions one client may have accepted per minute. Each accepted `jti` is remembered for
 * up to its capped lifetime, so this bounds what one client's key can make the server keep (about
 * 300 ids) however fast it signs; nobody without the key can spend it.
 */
export const MAX_ASSERTIONS_PER_MINUTE = 60;

/** What the assertion checks need. */
export interface AssertionDeps {
  readonly state: StateStore;
  /** Epoch ms (the server's clock, before the client's own offset). */
  readonly now: () => number;
  /** Seconds of clock skew tolerated on exp, iat and nbf. */
  readonly clockTolerance: number;
  readonly lookup: (clientId: string) => Promise<RegisteredClient | undefined>;
}

const decodePart = (segment: string | undefined) =>
  segment === undefined ? null : decodeJsonPart(segment, base64url.decode);

const imported = new WeakMap<PublicJwk, Map<string, Promise<CryptoKey | Uint8Array | null>>>();

/** A registered key imported for `alg` (once per key and algorithm), or null when it cannot be. */
function keyFor(jwk: PublicJwk, alg: AssertionAlg): Promise<CryptoKey | Uint8Array | null> {
  let byAlg = imported.get(jwk);
  if (!byAlg) imported.set(jwk, (byAlg = new Map()));
  let key = byAlg.get(alg);
  if (!key) {
    key = importJWK({ ...jwk }, alg).catch(() => null);
    byAlg.set(alg, key);
  }
  return key;
}

/**
 * The JWS algorithm names (RFC 7518 §3.1, RFC 8037, RFC 8812) an answer may repeat: anything else
 * in a header is the client's own text and is never echoed.
 */
const JWS_ALGORITHMS: ReadonlySet<string> = new Set([
  ...['HS', 'RS', 'ES', 'PS'].flatMap((family) => ['256', '384', '512'].map((n) => family + n)),
  ...['EdDSA', 'Ed25519', 'Ed448', 'ES256K'],
]);

/** Why an algorithm is refused, in words a learner can act on. */
function algProblem(alg: unknown): string {
  if (typeof alg !== 'string') return 'The client assertion header has no alg.';
  if (alg.toLowerCase() === 'none') {
    return 'The client assertion is unsigned (alg none): anyone could have written it. Sign it with the private key.';
  }
  if (!JWS_ALGORITHMS.has(alg)) {
    return 'The client assertion header names no JWS algorithm. Sign with a private key (ES256, ES384, PS256, RS256, Ed25519 or EdDSA).';
  }
  if (alg.startsWith('HS')) {
    return `The client assertion uses ${alg}, an HMAC: its key is a shared secret again. Sign with a private key (ES256, ES384, PS256, RS256, Ed25519 or EdDSA).`;
  }
  return `The client assertion algorithm ${alg} is not accepted (ES256, ES384, PS256, RS256, Ed25519 or EdDSA).`;
}

/**
 * Why the assertion's `iss` and `sub` do not name one client (RFC 7523 §3: both are the
 * client_id), or why a body `client_id` is not that client (RFC 7521 §4.2); undefined when all
 * agree. It says which claim is wrong, never what was sent: a description never echoes the
 * caller's text.
 */
function subjectProblem(iss: unknown, sub: unknown, bodyClientId: string | undefined) {
  const both = 'iss and sub must both be the client_id (RFC 7523 section 3)';
  if (sub === undefined) {
    return `The client assertion has no sub claim naming the client: ${both}.`;
  }
  if (typeof sub !== 'string') return `The client assertion sub is not a string: ${both}.`;
  if (iss === undefined) return `The client assertion has no iss claim: ${both}.`;
  if (typeof iss !== 'string') return `The client assertion iss is not a string: ${both}.`;
  if (iss !== sub) {
    return `The client assertion iss and sub differ: ${both}, the client signing about itself.`;
  }
  if (bodyClientId !== undefined && bodyClientId !== sub) {
    return 'The client assertion iss and sub differ from the client_id in the body: all three must name the same client (RFC 7521 section 4.2).';
  }
  return undefined;
}

/**
 * Authenticates a `private_key_jwt` client, recording `assertion-format`, `assertion-subject`,
 * `client-known`, `assertion-alg`, `assertion-signature`, `assertion-aud`, `assertion-time`
 * `assertion-jti-claim` and `assertion-jti`. `audiences` are the values `aud` may hold
 * (issuer, token endpoint URL).
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 * @see https://www.rfc-editor.org/rfc/rfc7521#section-4.2
 */
export async function authenticateAssertion(
  presented: { readonly clientId: string | undefined; readonly assertion: string },
  issuer: string,
  checks: CheckRecorder,
  deps: AssertionDeps,
  invalidClient: (description: string) => OAuthError,
): Promise<RegisteredClient> {
  const parts = presented.assertion.split('.');
  const header = parts.length === 3 ? decodePart(parts[0]) : null;
  const claims = header ? decodePart(parts[1]) : null;
  if (!header || !claims) {
    throw checks.fail(
      'assertion-format',
      invalidClient(
        'The client_assertion is not a JWT (three base64url parts: a JSON header, JSON claims, a signature).',
      ),
    );
  }
  if (header.crit !== undefined) {
    // RFC 7515 §4.1.11: an extension the recipient must understand, and FlowLab knows none
    throw checks.fail(
      'assertion-format',
      invalidClient(
        'The client assertion header has crit: it names extensions this server must understand and does not (RFC 7515 section 4.1.11). Leave crit out.',
      ),
    );
  }
  checks.pass('assertion-format');

  // RFC 7523 §3 before the lookup: the client signs about itself, so iss and sub are both its
  // client_id, and which client to look up is only known once they agree
  checks.clientId = presented.clientId ?? (typeof claims.sub === 'string' ? claims.sub : null);
  const subjectFailure = subjectProblem(claims.iss, claims.sub, presented.clientId);
  if (subjectFailure) throw checks.fail('assertion-subject', invalidClient(subjectFailure));
  const clientId = claims.sub as string;
  checks.pass('assertion-subject');

  const client = await checks.fromStore('client-known', deps.lookup(clientId));
  if (!client) {
    throw checks.fail(
      'client-known',
      invalidClient('Client authentication failed (unknown client or invalid assertion).'),
    );
  }
  if (client.credential.method !== 'private_key_jwt') {
    throw checks.fail(
      'client-known',
      invalidClient(
        'This client authenticates with a client secret, not private_key_jwt (it has no registered keys).',
      ),
    );
  }
  checks.pass('client-known', 'private_key_jwt');

  const alg = header.alg;
  if (!isAssertionAlg(alg)) throw checks.fail('assertion-alg', invalidClient(algProblem(alg)));
  checks.pass('assertion-alg', alg);

  const keys = candidateKeys(client.credential.jwks, alg, header.kid);
  let verified = false;
  for (const jwk of keys) {
    const key = await keyFor(jwk, alg);
    if (!key) continue;
    try {
      await compactVerify(presented.assertion, key, { algorithms: [alg] });
      verified = true;
      break;
    } catch {
      // try the next registered key
    }
  }
  if (!verified) {
    throw checks.fail(
      'assertion-signature',
      invalidClient(
        keys.length === 0
          ? `No registered key of this client fits the assertion (${header.kid === undefined ? `alg ${alg}` : 'unknown kid'}).`
          : "The client assertion signature does not verify with the client's registered keys.",
      ),
    );
  }
  checks.pass('assertion-signature', typeof header.kid === 'string' ? `kid ${header.kid}` : alg);
  // for the event: the client whose registered key signed it (challenges grade a replay by it)
  checks.tokenClientId = client.clientId;

  // RFC 7523 §3: aud identifies the authorization server; its token endpoint URL MAY be used
  const audiences = [issuer, `${issuer}${TOKEN_PATH}`];
  const aud = claims.aud;
  const audOk = Array.isArray(aud)
    ? aud.some((a) => audiences.includes(a as string))
    : audiences.includes(aud as string);
  if (!audOk) {
    throw checks.fail(
      'assertion-aud',
      invalidClient(`The client assertion aud must be ${audiences.join(' or ')}.`),
    );
  }
  checks.pass('assertion-aud');

  const offset = client.registration?.clockOffset ?? 0;
  const now = Math.floor(deps.now() / 1000) + offset;
  const tol = deps.clockTolerance;
  const timeFail = (text: string) =>
    checks.fail('assertion-time', invalidClient(`The client assertion ${text}.`));
  const { exp, iat, nbf } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw timeFail('has no numeric exp claim');
  if (now - tol >= exp) throw timeFail(`expired ${now - exp} s ago`);
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + tol))
    throw timeFail('was issued in the future (iat is after now)');
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tol))
    throw timeFail('is not valid yet (nbf is in the future)');
  if (exp - now > MAX_ASSERTION_LIFETIME_SECONDS + tol)
    throw timeFail(`lives too long (exp more than ${MAX_ASSERTION_LIFETIME_SECONDS} s ahead)`);
  checks.pass('assertion-time', offset === 0 ? undefined : `client clock +${offset} s`);

  const jti = claims.jti;
  if (typeof jti !== 'string' || jti === '' || jti.length > 256) {
    throw checks.fail(
      'assertion-jti-claim',
      invalidClient(
        jti === undefined
          ? 'The client assertion has no jti claim (a unique id, 1-256 characters).'
          : 'The client assertion jti must be a string of 1-256 characters.',
      ),
    );
  }
  checks.pass('assertion-jti-claim');

  const once = `assertion-jti:${clientId}:${jti}`;
  const replay = () =>
    checks.fail(
      'assertion-jti',
      invalidClient('This client assertion was used before (same jti): a replay is refused.'),
    );
  // a replay is refused before the pace counts it: a captured assertion, replayed, must not use
  // up its client's minute (only new assertions, which need the private key, count)
  if (await checks.fromStore('assertion-jti', deps.state.wasUsed(once))) throw replay();
  const pace = await checks.fromStore(
    'assertion-pace',
    deps.state.increment(`assertion-pace:${clientId}`, 60_000),
  );
  if (pace.count > MAX_ASSERTIONS_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((pace.resetAt - deps.now()) / 1000));
    throw checks.fail(
      'assertion-pace',
      new OAuthError(
        'too_many_requests',
        `This client has sent more than ${MAX_ASSERTIONS_PER_MINUTE} client assertions this minute, each a one-time id the server must remember. Try again in ${retryAfter} s.`,
        429,
        { 'Retry-After': String(retryAfter) },
      ),
      `more than ${MAX_ASSERTIONS_PER_MINUTE} a minute; retry in ${retryAfter} s`,
    );
  }
  checks.pass('assertion-pace');
  // Remembered while the assertion could be accepted: until its exp, tolerance included, on the
  // client's clock, which runs `offset` s ahead of the real one. So an entry lives at most the
  // capped lifetime in real time, whatever the client's clock (a 24 h offset once kept every
  // assertion 24 h). Only the client's owner can move its clock back into the window again.
  const first = await checks.fromStore(
    'assertion-jti',
    deps.state.useOnce(once, (exp + tol - offset) * 1000),
  );
  if (!first) throw replay(); // sent twice at once: one of them wins
  checks.pass('assertion-jti');
  return client;
}
