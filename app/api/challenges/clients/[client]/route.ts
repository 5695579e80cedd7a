import { learnerProgress } from '@/lib/server/challenge-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/challenges/clients/:client?lesson=: the client's passes (registration token). */
async function handleGet(
  request: Request,
  { params }: { params: Promise<{ client: string }> },
): Promise<Response> {
  return learnerProgress(request, (await params).client);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
