import { registrationRouteHandlers } from '@/lib/server/register';

/** Rendered on every request, never prerendered or cached. */
export const dynamic = 'force-dynamic';

/** POST /register/<client_id>/secret: a new client secret; the old one stops working at once. */
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = registrationRouteHandlers('secret');
