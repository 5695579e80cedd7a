import { learnerProgress } from '@/lib/server/challenge-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/challenges/clients/:client?lesson=: the client's passes (registration token). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ client: string }> },
): Promise<Response> {
  return learnerProgress(request, (await params).client);
}
