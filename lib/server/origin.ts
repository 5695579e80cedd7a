import 'server-only';
import { headers } from 'next/headers';
import { parseIssuer } from '@/lib/oauth/config';
import { publicUrl } from '@/lib/oauth/context';

/**
 * The origin a visitor reached FlowLab at (FLOWLAB_ISSUER when set): the same value the auth
 * server uses as its issuer for this request, so copy-paste commands on pages work as shown.
 */
export async function requestOrigin(): Promise<string> {
  const configured = parseIssuer(process.env.FLOWLAB_ISSUER);
  if (configured) return configured;
  const h = await headers();
  const fallback = `http://localhost:${process.env.PORT ?? 3000}/`;
  return publicUrl(new Request(fallback, { headers: h })).origin;
}
