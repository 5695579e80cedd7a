import { roomQr } from '@/lib/server/room-routes';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/:id/qr: the join link as an SVG QR code, generated here (no network). The link
 * uses the host the presenter reached the app by, so a LAN address works for the room.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return roomQr(request, (await params).id);
}
