/**
 * Reading a small JSON request body safely: the content type must be JSON (a cross-site page
 * cannot send that without a CORS preflight), the body is read incrementally and the stream is
 * cancelled as soon as it passes the limit (chunked or not, nothing past the limit is kept), and
 * malformed JSON or UTF-8 is refused. Framework-free (web-standard Request).
 */

import { readBoundedBody } from '../protocol/bounded-body';

/** Largest JSON body a live route reads. */
export const MAX_JSON_BYTES = 4096;

/** Why a body was refused: 415, 413 or 400. */
export type BodyError = 'unsupported_media_type' | 'body_too_large' | 'invalid_json';

/** The HTTP status of each body error. */
export const bodyErrorStatus: Readonly<Record<BodyError, number>> = {
  unsupported_media_type: 415,
  body_too_large: 413,
  invalid_json: 400,
};

/** A parsed body, or why it was refused. */
export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: BodyError };

/** Whether a Content-Type header names JSON (`application/json`, any parameters). */
export function isJsonContentType(value: string | null): boolean {
  return value !== null && value.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The JSON body of a request, bounded to `maxBytes`. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, error: 'unsupported_media_type' };
  }
  const bytes = await readBoundedBody(request, maxBytes);
  if (bytes === null) return { ok: false, error: 'body_too_large' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'invalid_json' };
  }
}
