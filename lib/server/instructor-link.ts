/**
 * The start-up line that tells the instructor how to sign in. Loaded by `instrumentation.ts`
 * (outside the React server layer, so this module does not import `server-only`).
 */
import { loadInstructorKey, parseIssuer } from '@/lib/oauth/config';

type Env = Readonly<Record<string, string | undefined>>;

/** The origin the server listens at: FLOWLAB_ISSUER, else the one `next start`/`next dev` chose. */
export function serverOrigin(env: Env): string {
  return (
    parseIssuer(env.FLOWLAB_ISSUER) ??
    env.__NEXT_PRIVATE_ORIGIN ??
    `http://localhost:${env.PORT ?? 3000}`
  );
}

/**
 * The lines to print: a ready `/present?key=...` link for a key kept in the data folder, or, when
 * the key comes from FLOWLAB_INSTRUCTOR_KEY, where to sign in without printing the key.
 */
export async function instructorLinkMessage(env: Env): Promise<string> {
  const { key, source, path } = await loadInstructorKey(env);
  const present = `${serverOrigin(env)}/present`;
  if (source === 'env') {
    return `FlowLab: the instructor key comes from FLOWLAB_INSTRUCTOR_KEY (not printed). Sign in at ${present}`;
  }
  return [
    `FlowLab: instructor sign-in link (keep it private; the key is ${source === 'generated' ? 'new, kept' : 'kept'} in ${path}):`,
    `    ${present}?key=${encodeURIComponent(key)}`,
  ].join('\n');
}

/** Prints {@link instructorLinkMessage}, or why the key cannot be loaded. */
export async function announceInstructorLink(env: Env): Promise<void> {
  try {
    console.log(await instructorLinkMessage(env));
  } catch (e) {
    console.error(`FlowLab: ${(e as Error).message}`);
  }
}
