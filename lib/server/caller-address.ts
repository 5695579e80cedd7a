/**
 * Who is calling, for the per-caller limits (registrations, wrong secrets, seats in a room): the
 * TCP peer that the method guard hands over (`PEER_HEADER`, which a client cannot set), or, with
 * `FLOWLAB_TRUST_PROXY=1` behind a reverse proxy that appends the client's address to
 * `X-Forwarded-For`, that header's last entry. (`next start` itself keeps a client's own
 * `X-Forwarded-For`, so without a proxy that header is not trusted.)
 */
import { isIPv4, isIPv6 } from 'node:net';
import { sentBy, type CoreRequest } from '@/lib/oauth/http';
import { PEER_HEADER } from './method-guard';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The caller an address stands for. An IPv6 host usually holds a whole /64 (one site, and any
 * address in it for the asking), so the limits count the /64; an IPv4-mapped address counts as
 * its IPv4 address.
 */
export function callerForAddress(address: string): string {
  const bare = address.replace(/%.*$/, ''); // a zone (fe80::1%eth0) names an interface, not a host
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(bare)) return address;
  const [head, tail] = bare.toLowerCase().split('::');
  // an embedded IPv4 address takes two groups (only the first four are kept anyway)
  const groups = (part = '') =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const [high, low] = [groups(head), groups(tail)];
  const all =
    tail === undefined ? high : [...high, ...Array(8 - high.length - low.length).fill('0'), ...low];
  return `${all
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The caller the per-caller limits count (see the module comment). */
export function callerAddress(request: Request, env: Env = process.env): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (env.FLOWLAB_TRUST_PROXY === '1' && forwarded) return callerForAddress(forwarded);
  return callerForAddress(request.headers.get(PEER_HEADER) || forwarded || 'unknown');
}

/** `request` as the auth core reads it, with the caller its limits count (by default, its sender). */
export function coreRequest(request: Request, caller = callerAddress(request)): CoreRequest {
  return sentBy(request, caller);
}
