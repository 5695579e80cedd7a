/**
 * The Next.js wiring of client registration (`/register`, `/register/<id>`, `.../secret`,
 * `.../clock`): each route file is a few lines calling these. The per-caller limit keys on the
 * caller's address: the TCP peer that the method guard hands over (`PEER_HEADER`, which a
 * client cannot set), or, with `FLOWLAB_TRUST_PROXY=1` behind a reverse proxy that appends the
 * client's address to `X-Forwarded-For`, that header's last entry. (`next start` itself keeps a
 * client's own `X-Forwarded-For`, so without a proxy that header is not trusted.)
 */
import 'server-only';
import type { RegistrationAction } from '@/lib/oauth/registration-endpoint';
import { getAuthServer } from '@/lib/server/auth';
import { PEER_HEADER } from '@/lib/server/method-guard';

type Env = Readonly<Record<string, string | undefined>>;

/** The address the per-caller registration limit counts (see the module comment). */
export function callerAddress(request: Request, env: Env = process.env): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (env.FLOWLAB_TRUST_PROXY === '1' && forwarded) return forwarded;
  return request.headers.get(PEER_HEADER) || forwarded || 'unknown';
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Every method's export for one route file, all reaching the core (which answers 405). */
function everyMethod(handler: (request: Request, client: string) => Promise<Response>) {
  // a route without a dynamic segment is called without a context
  const h = async (request: Request, ctx?: { params?: Promise<{ client?: string }> }) =>
    handler(request, (await ctx?.params)?.client ?? '');
  return Object.fromEntries(METHODS.map((m) => [m, h])) as Record<
    (typeof METHODS)[number],
    typeof h
  >;
}

/** The exports of `app/register/route.ts`. */
export function registerRouteHandlers() {
  return everyMethod(async (request) =>
    (await getAuthServer()).register(request, callerAddress(request)),
  );
}

/** The exports of a route file under `app/register/[client]/` for one action. */
export function registrationRouteHandlers(action: RegistrationAction) {
  return everyMethod(async (request, client) =>
    (await getAuthServer()).manageRegistration(request, client, action),
  );
}
