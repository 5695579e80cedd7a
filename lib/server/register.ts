/**
 * The Next.js wiring of client registration (`/register`, `/register/<id>`, `.../secret`,
 * `.../clock`): each route file is a few lines calling these. The per-caller limit keys on
 * the caller's address (`coreRequest`).
 */
import 'server-only';
import type { RegistrationAction } from '@/lib/oauth/registration-endpoint';
import { getAuthServer } from '@/lib/server/auth';
import { coreRequest } from '@/lib/server/caller-address';

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
  return everyMethod(async (request) => (await getAuthServer()).register(coreRequest(request)));
}

/** The exports of a route file under `app/register/[client]/` for one action. */
export function registrationRouteHandlers(action: RegistrationAction) {
  return everyMethod(async (request, client) =>
    (await getAuthServer()).manageRegistration(request, client, action),
  );
}
