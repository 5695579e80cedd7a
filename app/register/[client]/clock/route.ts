import { registrationRouteHandlers } from '@/lib/server/register';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** PUT /register/<client_id>/clock: this client's own clock offset (this client only). */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = registrationRouteHandlers('clock');
