/**
 * The start-up check of the configuration and the signing key (run once per server process from
 * `instrumentation.ts`, before any request): a corrupt key file, a data folder that cannot hold
 * the key or a malformed setting stops the server with its message, where it would otherwise
 * answer every token and API request with a 500.
 */
import { loadAuthServerDeps } from '@/lib/oauth/config';

type Env = Readonly<Record<string, string | undefined>>;

/** Loads what the auth server needs; on failure prints why and exits with status 1. */
export async function exitUnlessConfigLoads(env: Env): Promise<void> {
  try {
    await loadAuthServerDeps(env);
  } catch (e) {
    console.error(`FlowLab cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
