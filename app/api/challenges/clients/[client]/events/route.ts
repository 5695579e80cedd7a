import { learnerEvents } from '@/lib/server/challenge-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET /api/challenges/clients/:client/events?lesson=: `event: progress` at every change. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ client: string }> },
): Promise<Response> {
  return learnerEvents(request, (await params).client);
}
