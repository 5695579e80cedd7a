/**
 * Who is calling, for the per-caller limits (registrations, wrong secrets, seats in a room): the
 * TCP peer that the method guard hands over (`PEER_HEADER`, which a client cannot set), or, with
 * `FLOWLAB_TRUST_PROXY=1` behind a reverse proxy that appends the client's address to
 * `X-Forwarded-For`, that header's last entry. (`next start` itself keeps a client's own
 * `X-Forwarded-For`, so without a proxy that header is not trusted.)
 */
import { sentBy, type CoreRequest } from '@/lib/oauth/http';
import { PEER_HEADER } from './method-guard';

type Env = Readonly<Record<string, string | undefined>>;

/** The address the per-caller limits count (see the module comment). */
export function callerAddress(request: Request, env: Env = process.env): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (env.FLOWLAB_TRUST_PROXY === '1' && forwarded) return forwarded;
  return request.headers.get(PEER_HEADER) || forwarded || 'unknown';
}

/** `request` as the auth core reads it, with the caller its limits count (by default, its sender). */
export function coreRequest(request: Request, caller = callerAddress(request)): CoreRequest {
  return sentBy(request, caller);
}
