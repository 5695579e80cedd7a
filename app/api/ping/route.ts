import { routeMethods } from '@/lib/server/route-methods';
/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** A trivial route handler: the framework's floor that `npm run bench` compares /token with. */
function handleGet(): Response {
  return Response.json({ ok: true });
}

/** The same floor for a POST whose small body is read (what every token request pays too). */
async function handlePost(request: Request): Promise<Response> {
  const body = await request.text();
  return Response.json({ ok: true, bytes: body.length });
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: handleGet,
  POST: handlePost,
});
