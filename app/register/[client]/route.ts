import { registrationRouteHandlers } from '@/lib/server/register';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** GET / DELETE /register/<client_id>: read or delete a registration (RFC 7592). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = registrationRouteHandlers('read');
