/**
 * Engine dependencies wired to FlowLab's REAL authorization server and API core, in process (for
 * *.test.ts only): the injected fetch calls the core's handlers, and the injected clock and sleep
 * drive both sides, so the expired-token wait is instant.
 */
import { makeServer, ORIGIN, type TestServer } from '../oauth/test-support';
import { ROUTES } from '../oauth/server';
import type { EngineDeps } from './http';

/** The real core plus the engine deps that reach it, and every request the engine sent. */
export interface CoreHarness extends TestServer {
  readonly deps: EngineDeps;
  readonly requests: Request[];
  readonly inits: RequestInit[];
  readonly origin: string;
}

/** Builds the real core (demo clients, frozen clock) and engine deps whose fetch calls it. */
export async function coreHarness(): Promise<CoreHarness> {
  const test = await makeServer();
  const requests: Request[] = [];
  const inits: RequestInit[] = [];
  const deps: EngineDeps = {
    baseUrl: ORIGIN,
    now: test.now,
    sleep: async (ms) => test.advance(ms),
    fetch: async (input, init) => {
      inits.push(init);
      const request = new Request(input, init);
      requests.push(request.clone());
      const route = ROUTES[new URL(request.url).pathname as keyof typeof ROUTES];
      if (!route) return new Response('not found', { status: 404 });
      return test.server[route](request);
    },
  };
  return { ...test, deps, requests, inits, origin: ORIGIN };
}
