/**
 * Engine dependencies wired to FlowLab's REAL authorization server and API core, in process (for
 * *.test.ts only): the injected fetch calls the core's handlers, and the injected clock
 * drives both sides; the learner's key and registrations live in memory.
 */
import { sentBy } from '../oauth/http';
import { makeServer, ORIGIN, type TestServer } from '../oauth/test-support';
import { ROUTES } from '../oauth/server';
import { REGISTER_PATH } from '../protocol/paths';
import type { EngineDeps } from './http';
import { learnerKeys, memoryLearnerStorage } from './learner-key';

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
    learner: learnerKeys(memoryLearnerStorage(), crypto.subtle),
    fetch: async (input, init) => {
      inits.push(init);
      const request = new Request(input, init);
      requests.push(request.clone());
      const path = new URL(request.url).pathname;
      if (path === REGISTER_PATH) return test.server.register(sentBy(request, 'engine-test'));
      const managed = /^\/register\/([^/]+)(?:\/(secret|clock))?$/.exec(path);
      if (managed)
        return test.server.manageRegistration(
          request,
          decodeURIComponent(managed[1] ?? ''),
          (managed[2] as 'secret' | 'clock' | undefined) ?? 'read',
        );
      const route = ROUTES[path as keyof typeof ROUTES];
      if (!route) return new Response('not found', { status: 404 });
      return test.server[route](request);
    },
  };
  return { ...test, deps, requests, inits, origin: ORIGIN };
}
