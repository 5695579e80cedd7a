/**
 * The thin Next.js wiring of the auth core: builds the server once per process (cached on
 * globalThis, because the App Router may load this module more than once), publishes every
 * request's event to subscribers, and lets the instructor reset the demo state.
 */
import 'server-only';
import { publicClientCards, type PublicClientCard } from '@/lib/oauth/client-cards';
import { loadAuthServerDeps, loadClientRegistry } from '@/lib/oauth/config';
import { attachEventSource } from '@/lib/live/hub';
import { attachChallengeGrader, challengeStore } from '@/lib/server/challenges';
import { forgettingProgressOnDelete } from '@/lib/state/forget-on-delete';
import type { AuthEvent, AuthEventSink, AuthEventSource } from '@/lib/oauth/events';
import { createAuthServer, type AuthServer, type RouteName } from '@/lib/oauth/server';
import { coreRequest } from '@/lib/server/caller-address';
import { openLiveStores, openRegistrationStore, openStateStore } from '@/lib/server/state';

interface Holder {
  server: Promise<AuthServer> | undefined;
  readonly listeners: Set<AuthEventSink>;
  /** The subscription point, one object per process (subscribers may key on its identity). */
  events?: AuthEventSource;
}

const HOLDER = Symbol.for('flowlab.auth-server');
const g = globalThis as typeof globalThis & { [HOLDER]?: Holder };
const holder: Holder = (g[HOLDER] ??= { server: undefined, listeners: new Set() });

function publish(event: AuthEvent): void {
  for (const listener of holder.listeners) {
    try {
      listener(event);
    } catch (e) {
      console.error('FlowLab: an auth event listener failed', e);
    }
  }
}

/**
 * The process-wide subscription point of the live request feed: every request handled by
 * /token, /api/data, /introspect and /revoke is published once, to every listener.
 */
export const authEvents: AuthEventSource = (holder.events ??= {
  subscribe(listener: AuthEventSink): () => void {
    holder.listeners.add(listener);
    return () => {
      holder.listeners.delete(listener);
    };
  },
});

// The live request feed records every request from the first one the server handles, not only
// those that arrive after a presenter view opened it (attaching twice is a no-op).
attachEventSource(authEvents, () => openLiveStores(process.env));
// Challenges are graded where the request arrived, from the first request on.
attachChallengeGrader(authEvents);

/** The auth server of this process, built from the environment on first use. */
export function getAuthServer(): Promise<AuthServer> {
  holder.server ??= loadAuthServerDeps(process.env)
    .then(async (deps) =>
      createAuthServer({
        ...deps,
        state: await openStateStore(process.env),
        registrations: forgettingProgressOnDelete(
          await openRegistrationStore(process.env),
          challengeStore,
        ),
        onEvent: publish,
      }),
    )
    .catch((e: unknown) => {
      holder.server = undefined; // let a fixed configuration be picked up by the next request
      console.error(`FlowLab: the auth server cannot start: ${(e as Error).message}`);
      throw e;
    });
  return holder.server;
}

/** The handlers a route can be served by. */
export type AuthRoute = RouteName;

/** Serves one request with one of the core's handlers (what a route handler calls). */
export async function serveAuth(route: AuthRoute, request: Request): Promise<Response> {
  const server = await getAuthServer();
  return server[route](coreRequest(request));
}

/**
 * The exports of a route file served by one of the core's handlers. Every method reaches the
 * core, which answers the ones the endpoint does not take with 405 and `Allow`.
 */
export function authRouteHandlers(route: AuthRoute) {
  const handler = (request: Request) => serveAuth(route, request);
  return {
    GET: handler,
    POST: handler,
    PUT: handler,
    PATCH: handler,
    DELETE: handler,
    HEAD: handler,
    OPTIONS: handler,
  };
}

/**
 * Forgets every revocation and rate-limit counter (the instructor's "reset demo"). Learners'
 * registered clients stay: their private keys live in their browsers, and a reset must not
 * leave those keys without a client.
 */
export async function resetDemoState(): Promise<void> {
  const server = await getAuthServer();
  await server.state.clear();
}

/** The registered clients as public cards (demo secrets only), for pages to list. */
export function listClients(): readonly PublicClientCard[] {
  return publicClientCards(loadClientRegistry(process.env).list());
}
