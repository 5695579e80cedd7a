/**
 * The start-up check (run once per server process from `instrumentation.ts`, before any request):
 * the configuration and the signing key load, and, without Redis, the data folder can be written.
 * A corrupt key file, a data folder that cannot be written or a malformed setting stops the
 * server with its message, where it would otherwise answer every token and API request with a
 * 500, or every revocation with a 503.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDirOf, loadAuthServerDeps } from '@/lib/oauth/config';

type Env = Readonly<Record<string, string | undefined>>;

/** Why the data folder cannot hold FlowLab's state, or null when a file can be written there. */
async function dataDirProblem(env: Env): Promise<string | null> {
  const dir = dataDirOf(env);
  const probe = join(dir, `.write-check.${process.pid}.${randomUUID()}.tmp`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 }); // the stores would create it too
    await writeFile(probe, '', { mode: 0o600 });
    await unlink(probe);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return `The data folder ${dir} cannot be written (${code}): revocations, lockouts, registered clients and rooms are kept there. Set FLOWLAB_DATA_DIR to a folder this process can write, or FLOWLAB_REDIS_URL.`;
  }
}

/** Checks what the server needs to start; on failure prints why and exits with status 1. */
export async function exitUnlessConfigLoads(env: Env): Promise<void> {
  try {
    await loadAuthServerDeps(env);
    const problem = env.FLOWLAB_REDIS_URL ? null : await dataDirProblem(env);
    if (problem) throw new Error(problem);
  } catch (e) {
    console.error(`FlowLab cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
