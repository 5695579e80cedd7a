/**
 * FlowLab's authorization server and protected API without Next.js: the same core, served by
 * bare node:http. `npm run auth-server` (PORT, HOST and the FLOWLAB_* variables apply).
 */
import type { AddressInfo } from 'node:net';
import { loadAuthServerDeps } from '../lib/oauth/config';
import { listen } from '../lib/oauth/node-adapter';
import { createAuthServer } from '../lib/oauth/server';

const quiet = process.argv.includes('--quiet');
const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';

async function main(): Promise<void> {
  const deps = await loadAuthServerDeps(process.env);
  const server = createAuthServer({
    ...deps,
    onEvent: quiet
      ? undefined
      : (e) =>
          console.log(
            `${new Date(e.at).toISOString()} ${e.method} ${e.path} ${e.status}${e.error ? ` ${e.error}` : ''} client=${e.clientId ?? '-'}`,
          ),
  });
  const http = await listen(server, port, host);
  const { port: bound } = http.address() as AddressInfo;
  console.log(`FlowLab auth server listening on http://${host}:${bound}`);
  const stop = () => http.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`FlowLab auth server: ${(e as Error).message}`);
  process.exit(1);
});
