/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** A trivial route handler: the framework's floor that `npm run bench` compares /token with. */
export function GET(): Response {
  return Response.json({ ok: true });
}

/** The same floor for a POST whose small body is read (what every token request pays too). */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text();
  return Response.json({ ok: true, bytes: body.length });
}
