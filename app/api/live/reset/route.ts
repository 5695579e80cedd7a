import { RESET_HEADER } from '@/lib/live/protocol';
import { noStoreJson, resetDemo } from '@/lib/server/live-hub';
import { requirePresenter } from '@/lib/server/presenter-auth';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * POST /api/live/reset: clears revoked tokens, rate-limit counters and the live feed. Requires
 * `X-FlowLab-Confirm: reset`, which another site cannot send without a (refused) preflight.
 * The presenter only (`live:present`).
 */
async function handlePost(request: Request): Promise<Response> {
  const refused = await requirePresenter(request);
  if (refused) return refused;
  if (request.headers.get(RESET_HEADER) !== 'reset') {
    return noStoreJson(
      { error: 'confirmation_required', error_description: `Send ${RESET_HEADER}: reset.` },
      400,
    );
  }
  await resetDemo();
  return noStoreJson({ reset: true });
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: handlePost });
