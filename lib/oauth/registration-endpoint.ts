/**
 * `POST /register` and the client configuration endpoints of one registration (`GET` / `DELETE
 * /register/<id>`, `POST .../secret`, `PUT .../clock`), modelled on RFC 7591 and RFC 7592.
 * Registration is limited per caller and server-wide; a registration keeps only the SHA-256 of
 * its secret and of its registration access token, both compared in constant time; a wrong
 * token and an unknown client answer the same `401 invalid_token`, in about the same time.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2
 */
import { base64url } from 'jose';
import { MAX_CLOCK_OFFSET_SECONDS, REGISTERED_CLIENT_PREFIX } from '../protocol/registration';
import { readBearerHeader } from './bearer-auth';
import { issuerFor, publicUrl, type Ctx } from './context';
import { errorResponse, jsonResponse, NO_STORE, OAuthError, quote } from './errors';
import { readBody } from './form';
import { REGISTRATION_TTL_MS } from './registered-clients';
import {
  invalidMetadata,
  parseClientMetadata,
  registrationResponse,
} from './registration-metadata';
import type { StoredRegistration } from './registration-store';
import { bytesEqualConstantTime, sha256 } from './secure-compare';
import { callerOf, type CoreRequest, type CoreResponse } from './http';

/** Largest registration body (bytes): a few public keys fit easily. */
export const MAX_REGISTRATION_BYTES = 16 * 1024;

/** What a request to one registration's endpoints asks for. */
export type RegistrationAction = 'read' | 'secret' | 'clock';

const ALLOWED: Readonly<Record<RegistrationAction, string>> = {
  // HEAD with every GET (RFC 9110 §9.1): the same answer, which the adapters send without a body
  read: 'GET, HEAD, DELETE',
  secret: 'POST',
  clock: 'PUT',
};

/** 32 random bytes, base64url: a secret or token nobody can guess (256 bits). */
function randomToken(bytes = 32): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

const hashOf = async (value: string) => base64url.encode(await sha256(value));

/** Runs a handler: an {@link OAuthError} becomes its answer, anything else a logged 500. */
async function run(body: () => Promise<CoreResponse>): Promise<CoreResponse> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof OAuthError) return errorResponse(e);
    console.error('FlowLab: unexpected error in a registration endpoint', e);
    return jsonResponse(
      { error: 'server_error', error_description: 'Unexpected server error.' },
      500,
    );
  }
}

function methodNotAllowed(allowed: string): OAuthError {
  return new OAuthError('method_not_allowed', `Use ${allowed} here.`, 405, { Allow: allowed });
}

function notFound(): OAuthError {
  // no registration store: this server does not register clients
  return new OAuthError('invalid_request', 'This server does not register clients.', 404);
}

/**
 * The JSON body of a request: 415 for another media type, 413 when too large, 400 unparsable;
 * `code` is the error of the refusals (invalid_client_metadata for a registration).
 */
async function readJson(
  request: CoreRequest,
  limit: number,
  what: string,
  code: 'invalid_client_metadata' | 'invalid_request',
): Promise<unknown> {
  const type = request.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new OAuthError(code, `The ${what} must be application/json.`, 415);
  }
  const text = await readBody(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new OAuthError(code, `The ${what} is not valid JSON.`, 400);
  }
}

/**
 * `POST /register`: refuses a caller past its limit (429), validates the metadata, counts the
 * registration against the caller, stores the client unless the server-wide cap is reached
 * (503), answers 201 with the credentials issued once. The per-caller limit counts the request's
 * `caller` (its address), and only requests that passed validation.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 */
export function registerEndpoint(ctx: Ctx, request: CoreRequest): Promise<CoreResponse> {
  return run(async () => {
    const store = ctx.registrations;
    if (!store) throw notFound();
    if (request.method !== 'POST') throw methodNotAllowed('POST');
    const limits = ctx.registrationLimits;
    // only registrations made count: a learner fixing a malformed jwks is not locked out by it
    const key = `register:${callerOf(request)}`;
    const tooMany = (resetAt: number) => {
      const retryAfter = Math.max(1, Math.ceil((resetAt - ctx.now()) / 1000));
      return new OAuthError(
        'too_many_requests',
        `Too many registrations from this address (${limits.perCaller} per ${limits.windowMs / 1000} s). Try again in ${retryAfter} s.`,
        429,
        { 'Retry-After': String(retryAfter) },
      );
    };
    const hits = await ctx.state.peek(key);
    if (hits && hits.count >= limits.perCaller) throw tooMany(hits.resetAt);
    const metadata = await parseClientMetadata(
      await readJson(
        request,
        MAX_REGISTRATION_BYTES,
        'registration body',
        'invalid_client_metadata',
      ),
    );
    const now = ctx.now();
    const secret = metadata.authMethod === 'private_key_jwt' ? undefined : randomToken();
    const accessToken = randomToken();
    const stored: StoredRegistration = {
      clientId: `${REGISTERED_CLIENT_PREFIX}${randomToken(16)}`,
      issuedAt: Math.floor(now / 1000),
      authMethod: metadata.authMethod,
      ...(secret === undefined ? {} : { secretHash: await hashOf(secret) }),
      accessTokenHash: await hashOf(accessToken),
      ...(metadata.jwks ? { jwks: metadata.jwks } : {}),
      ...(metadata.clientName === undefined ? {} : { clientName: metadata.clientName }),
      scope: metadata.scope,
      clockOffset: 0,
      expiresAt: now + REGISTRATION_TTL_MS,
    };
    // the count is taken atomically here: of requests that all peeked under the limit at once,
    // only those within it register
    const counted = await ctx.state.increment(key, limits.windowMs);
    if (counted.count > limits.perCaller) throw tooMany(counted.resetAt);
    if (!(await store.create(stored, limits.cap))) {
      throw new OAuthError(
        'temporarily_unavailable',
        'The server holds as many registered clients as it allows; try again later.',
        503,
        { 'Retry-After': '60' },
      );
    }
    const issuer = issuerFor(ctx, publicUrl(request));
    const body = registrationResponse(stored, issuer, {
      ...(secret === undefined ? {} : { client_secret: secret }),
      registration_access_token: accessToken,
    });
    // RFC 9110 §15.3.2: a 201 names what it created; the registration's own URI (RFC 7592 §3)
    return jsonResponse(body, 201, { Location: body.registration_client_uri });
  });
}

/** The Bearer challenge of registration management (RFC 6750 §3), naming `error` if any. */
function registrationChallenge(ctx: Ctx, error?: 'invalid_token' | 'invalid_request') {
  return {
    'WWW-Authenticate': `Bearer realm=${quote(ctx.realm)}${error ? `, error="${error}"` : ''}`,
  };
}

/**
 * The RFC 6750 §3 refusal of a registration access token: 401 `invalid_token` with its Bearer
 * challenge (`code` false: no credentials were sent, so the challenge names no error).
 */
function invalidRegistrationToken(ctx: Ctx, description: string, code = true): OAuthError {
  return new OAuthError(
    'invalid_token',
    description,
    401,
    registrationChallenge(ctx, code ? 'invalid_token' : undefined),
  );
}

/** A stand-in digest compared when there is no such client, so both refusals take as long. */
const NO_CLIENT = new Uint8Array(32);

/**
 * The registration the request's registration access token opens, with that token (checked
 * against its hash), or the RFC 6750 401.
 */
async function authorize(
  ctx: Ctx,
  request: CoreRequest,
  clientId: string,
): Promise<{ readonly stored: StoredRegistration; readonly token: string }> {
  const bearer = readBearerHeader(request.headers.get('authorization'));
  // RFC 6750 §3.1: a malformed Bearer credential is invalid_request (400); no credentials, or
  // another scheme, get the bare challenge without an error code
  if (bearer.kind === 'malformed') {
    throw new OAuthError(
      'invalid_request',
      bearer.description,
      400,
      registrationChallenge(ctx, 'invalid_request'),
    );
  }
  if (bearer.kind === 'none') {
    throw invalidRegistrationToken(
      ctx,
      'Send the registration_access_token: Authorization: Bearer <registration_access_token>.',
      false,
    );
  }
  const stored = clientId.startsWith(REGISTERED_CLIENT_PREFIX)
    ? await ctx.registrations!.get(clientId)
    : null;
  const expected = stored ? base64url.decode(stored.accessTokenHash) : NO_CLIENT;
  const matches = bytesEqualConstantTime(await sha256(bearer.token), expected);
  if (!stored || !matches) {
    throw invalidRegistrationToken(
      ctx,
      'The registration access token is not valid for this client (or the client is gone).',
    );
  }
  // any authenticated use extends the registration
  const extended = await ctx.registrations!.update(clientId, {
    expiresAt: ctx.now() + REGISTRATION_TTL_MS,
  });
  return { stored: extended ?? stored, token: bearer.token };
}

/**
 * One registration's endpoints: `GET` its metadata, `DELETE` it (204), `POST .../secret` a new
 * secret (the old one stops working at once), `PUT .../clock` its clock offset, which the server
 * honours for this client only (its assertions and its tokens' time checks).
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2
 */
export function manageRegistrationEndpoint(
  ctx: Ctx,
  request: CoreRequest,
  clientId: string,
  action: RegistrationAction,
): Promise<CoreResponse> {
  return run(async () => {
    const store = ctx.registrations;
    if (!store) throw notFound();
    const allowed = ALLOWED[action];
    const method = request.method;
    if (!allowed.split(', ').includes(method)) throw methodNotAllowed(allowed);
    const { stored, token } = await authorize(ctx, request, clientId);
    const issuer = issuerFor(ctx, publicUrl(request));
    // RFC 7592 §3: the client information response carries the registration access token. The
    // server keeps only its hash, so it answers with the token the request presented, unchanged.
    const access = { registration_access_token: token };
    if (method === 'GET' || method === 'HEAD')
      return jsonResponse(registrationResponse(stored, issuer, access));
    if (method === 'DELETE') {
      await store.delete(clientId);
      return { status: 204, headers: { ...NO_STORE }, body: '' };
    }
    if (action === 'secret') {
      if (stored.authMethod === 'private_key_jwt') {
        throw invalidMetadata('This client uses private_key_jwt: it has no secret to rotate.');
      }
      const secret = randomToken();
      const next = await store.update(clientId, { secretHash: await hashOf(secret) });
      if (!next) throw invalidRegistrationToken(ctx, 'The client is gone.');
      return jsonResponse(registrationResponse(next, issuer, { client_secret: secret, ...access }));
    }
    const json = await readJson(request, 1024, 'clock body', 'invalid_request');
    const offset = (json as { clock_offset_seconds?: unknown } | null)?.clock_offset_seconds;
    if (
      typeof offset !== 'number' ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      offset > MAX_CLOCK_OFFSET_SECONDS
    ) {
      throw new OAuthError(
        'invalid_request',
        `clock_offset_seconds must be an integer from 0 to ${MAX_CLOCK_OFFSET_SECONDS}.`,
        400,
      );
    }
    const next = await store.update(clientId, { clockOffset: offset });
    if (!next) throw invalidRegistrationToken(ctx, 'The client is gone.');
    return jsonResponse({ clock_offset_seconds: next.clockOffset });
  });
}
