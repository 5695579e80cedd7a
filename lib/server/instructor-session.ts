/**
 * The presenter's sign-in: the server exchanges the instructor key for an access token with the
 * grant FlowLab teaches (client credentials, client `instructor`, scope `live:present`) at its
 * own token endpoint, and keeps the token in an HttpOnly, SameSite=Strict cookie, so the key
 * and the token never reach the page's JavaScript.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { livePaths } from '@/lib/live/protocol';
import { encodeBasicAuthorization } from '@/lib/protocol/basic';
import { INSTRUCTOR_CLIENT_ID } from '@/lib/oauth/clients';
import { loadInstructorKey } from '@/lib/oauth/config';
import { publicUrl } from '@/lib/oauth/context';
import { REVOKE_PATH, TOKEN_PATH } from '@/lib/protocol/paths';
import { PRESENTER_SCOPE } from '@/lib/oauth/scopes';
import { getAuthServer } from './auth';
import { callerAddress, coreRequest } from './caller-address';
import { PRESENTER_COOKIE, cookieValue, isSameOrigin } from './presenter-auth';

/** Why a sign-in failed, as shown on the sign-in form (`?signin=`). */
export const SIGN_IN_ERRORS = ['wrong-key', 'locked', 'cross-site'] as const;
/** One of {@link SIGN_IN_ERRORS}. */
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

/** The sign-in form's body is a key and a path: anything longer is refused unread. */
const MAX_FORM_BYTES = 2048;

/** Only presenter pages may be returned to after signing in (no open redirect). */
export function safeNext(value: string | null | undefined): string {
  return value && /^\/present(?:\/[a-z0-9-]{1,100})?$/.test(value) ? value : '/present';
}

/**
 * The cookie of a browser the instructor signed in from: an id and its HMAC under the instructor
 * key. Its sign-ins count wrong keys on their own, not on the address: in a classroom behind one
 * NAT, learners guessing the key lock out only their own guesses, never the instructor's browser
 * (OWASP's device cookies against lockout abuse). Changing the key makes every such cookie void.
 */
const DEVICE_COOKIE = 'flowlab_presenter_device';
const DEVICE_MAX_AGE_S = 90 * 24 * 3600;
const DEVICE_SHAPE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

async function deviceSignature(id: string): Promise<Buffer> {
  const { key } = await loadInstructorKey(process.env);
  return createHmac('sha256', key).update(`flowlab presenter device ${id}`).digest();
}

/** A new device cookie's value: a random id and its signature. */
async function newDevice(): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${(await deviceSignature(id)).toString('base64url')}`;
}

/** The id of the signed-in-before browser the request comes from, when its cookie verifies. */
async function trustedDevice(request: Request): Promise<string | null> {
  const match = DEVICE_SHAPE.exec(cookieValue(request.headers.get('cookie'), DEVICE_COOKIE) ?? '');
  if (!match) return null;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = await deviceSignature(match[1]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}

/** Whose wrong keys a sign-in counts with: its trusted browser's, else its address's. */
async function signInCaller(request: Request): Promise<{ caller: string; trusted: boolean }> {
  const device = await trustedDevice(request);
  return device
    ? { caller: `presenter-device:${device}`, trusted: true }
    : { caller: callerAddress(request), trusted: false };
}

/** The outcome of exchanging a key for a token. */
export type SignInResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly expiresIn: number;
      /** A new device cookie's value, when the browser had no valid one. */
      readonly device?: string;
    }
  | { readonly ok: false; readonly error: SignInError; readonly retryAfter?: number };

/** Exchanges the instructor key for a `live:present` token at this server's token endpoint. */
export async function exchangeKey(request: Request, key: string): Promise<SignInResult> {
  const [server, { caller, trusted }] = await Promise.all([getAuthServer(), signInCaller(request)]);
  // the sign-in's own caller: a guesser at the sign-in form locks out only their own address, or
  // the browser the instructor signed in from before only itself
  const res = await server.token(
    coreRequest(
      new Request(new URL(TOKEN_PATH, publicUrl(request)), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: encodeBasicAuthorization(INSTRUCTOR_CLIENT_ID, key),
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: PRESENTER_SCOPE }),
      }),
      caller,
    ),
  );
  if (res.status === 200) {
    const body = (await res.json()) as { access_token: string; expires_in: number };
    return {
      ok: true,
      token: body.access_token,
      expiresIn: body.expires_in,
      ...(trusted ? {} : { device: await newDevice() }),
    };
  }
  if (res.status === 429) {
    return { ok: false, error: 'locked', retryAfter: Number(res.headers.get('retry-after')) || 60 };
  }
  return { ok: false, error: 'wrong-key' };
}

function cookie(request: Request, value: string, maxAge: number): string {
  const secure = publicUrl(request).protocol === 'https:' ? '; Secure' : '';
  return `${PRESENTER_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

/** The device cookie, sent only to this route (sign-in and sign-out). */
function deviceCookie(request: Request, value: string): string {
  const secure = publicUrl(request).protocol === 'https:' ? '; Secure' : '';
  return `${DEVICE_COOKIE}=${value}; Path=${livePaths.presenterSession}; Max-Age=${DEVICE_MAX_AGE_S}; HttpOnly; SameSite=Strict${secure}`;
}

function seeOther(location: string, ...setCookies: string[]): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  for (const c of setCookies) headers.append('Set-Cookie', c);
  return new Response(null, { status: 303, headers });
}

/**
 * Signs in with `key` and sends the browser on to `next` (a presenter page), with the cookie on
 * success, or back to the form with `?signin=<error>` (never with the key).
 */
export async function signIn(request: Request, key: string, next: string): Promise<Response> {
  const result = await exchangeKey(request, key);
  if (result.ok) {
    const device = result.device === undefined ? [] : [deviceCookie(request, result.device)];
    return seeOther(next, cookie(request, result.token, result.expiresIn), ...device);
  }
  const query = new URLSearchParams({ signin: result.error });
  if (result.retryAfter !== undefined) query.set('retry', String(result.retryAfter));
  return seeOther(`${next}?${query}`);
}

/**
 * Revokes the signed-in presenter's token at this server's own revocation endpoint (RFC 7009),
 * as the instructor client: a copy of the cookie stops working once its holder signs out.
 */
async function revokeSession(request: Request): Promise<void> {
  const token = cookieValue(request.headers.get('cookie'), PRESENTER_COOKIE);
  if (!token) return;
  const [server, instructor, { caller }] = await Promise.all([
    getAuthServer(),
    loadInstructorKey(process.env),
    signInCaller(request),
  ]);
  await server
    .revoke(
      coreRequest(
        new Request(new URL(REVOKE_PATH, publicUrl(request)), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: encodeBasicAuthorization(INSTRUCTOR_CLIENT_ID, instructor.key),
          },
          body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        }),
        // the browser's own caller: classmates' wrong keys from its address must not make the
        // revocation fail while the cookie goes
        caller,
      ),
    )
    .catch(() => undefined); // the cookie goes anyway
}

/** `GET /present/session?key=...&next=...`: the printed link's sign-in (then a clean URL). */
export async function handleSessionGet(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get('next'));
  const key = url.searchParams.get('key');
  return key ? signIn(request, key, next) : seeOther(next);
}

/**
 * `POST /present/session` (form): `key` signs in, `action=sign-out` signs out. Both only from a
 * FlowLab page (Origin), so another site can neither sign a browser in nor out.
 */
export async function handleSessionPost(request: Request): Promise<Response> {
  const length = Number(request.headers.get('content-length'));
  if (!(length > 0 && length <= MAX_FORM_BYTES)) {
    return new Response(null, { status: length > MAX_FORM_BYTES ? 413 : 411 });
  }
  const form = new URLSearchParams(await request.text().catch(() => ''));
  const next = safeNext(form.get('next'));
  if (!isSameOrigin(request)) return seeOther(`${next}?signin=cross-site`);
  if (form.get('action') === 'sign-out') {
    await revokeSession(request);
    return seeOther('/present', cookie(request, '', 0));
  }
  const key = form.get('key');
  return key ? signIn(request, key, next) : seeOther(`${next}?signin=wrong-key`);
}
