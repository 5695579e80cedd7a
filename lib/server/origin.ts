import 'server-only';
import { headers } from 'next/headers';
import { parseIssuer } from '@/lib/oauth/config';

/**
 * The origin a visitor reached FlowLab at (FLOWLAB_ISSUER when set): the same value the auth
 * server uses as its issuer for this request, so copy-paste commands on pages work as shown.
 */
export async function requestOrigin(): Promise<string> {
  const configured = parseIssuer(process.env.FLOWLAB_ISSUER);
  if (configured) return configured;
  const h = await headers();
  const host =
    h.get('x-forwarded-host') ?? h.get('host') ?? `localhost:${process.env.PORT ?? 3000}`;
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
