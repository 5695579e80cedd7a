import { roomQr } from '@/lib/server/room-routes';
import { routeMethods } from '@/lib/server/route-methods';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/:id/qr: the join link as an SVG QR code, generated here (no network). The link
 * uses the host the presenter reached the app by, so a LAN address works for the room.
 */
async function handleGet(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return roomQr(request, (await params).id);
}

/** Every method: the handlers above, 405 with Allow for the rest (lib/server/route-methods.ts). */
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: handleGet });
