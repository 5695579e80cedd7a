export const dynamic = 'force-dynamic';

/** A trivial route handler: the framework's floor that `npm run bench` compares /token with. */
export function GET(): Response {
  return Response.json({ ok: true });
}
