import QRCode from 'qrcode';
import { livePaths } from '@/lib/live/protocol';
import { liveHub } from '../../../live/live-hub';
import { roomResponse } from '../../room-http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rooms/:id/qr: the join link as an SVG QR code, generated here (no network). The link
 * uses the host the presenter reached the app by, so a LAN address works for the room.
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const room = liveHub().rooms.snapshot(id);
  if (!room.ok) return roomResponse(room);
  const joinUrl = new URL(livePaths.follow(room.value.id), request.url).toString();
  const svg = await QRCode.toString(joinUrl, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return new Response(svg, {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'no-store' },
  });
}
