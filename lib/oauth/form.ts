/**
 * Reading request bodies safely and parsing `application/x-www-form-urlencoded` strictly:
 * bad percent-escapes and repeated parameters are reported, not silently accepted.
 */
import { formDecode } from '../protocol/basic';
import { readBoundedBody } from '../protocol/bounded-body';
import { FORM_CONTENT_TYPE } from '../protocol/requests';
import { OAuthError } from './errors';
import type { CoreRequest } from './http';

/** Largest body the endpoints read (bytes). A token request is well under 1 KiB. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads the body as UTF-8 text, refusing (413) bodies larger than `limit` before reading them
 * whole, and (400) bytes that are not UTF-8.
 */
export async function readBody(request: CoreRequest, limit = MAX_BODY_BYTES): Promise<string> {
  const bytes = request.bufferedBody ?? (await readBoundedBody(request, limit));
  if (bytes === null || bytes.byteLength > limit) throw tooLarge(limit);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new OAuthError('invalid_request', 'The request body is not valid UTF-8 text.', 400);
  }
}

function tooLarge(limit: number): OAuthError {
  return new OAuthError(
    'request_too_large',
    `The request body is larger than ${limit} bytes.`,
    413,
  );
}

/** True when the media type (parameters such as charset ignored) is form-urlencoded. */
export function isFormContentType(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === FORM_CONTENT_TYPE;
}

/**
 * The parameter names FlowLab's form endpoints read. Any other is ignored, sent twice or not (RFC
 * 6749 §3.2: the server MUST ignore unrecognized request parameters).
 */
const KNOWN_PARAMS: ReadonlySet<string> = new Set([
  'grant_type',
  'scope',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'token',
  'token_type_hint',
]);

/** The parameters FlowLab's form endpoints read that `url`'s query names, in the order sent. */
export function paramsInQuery(url: URL): string[] {
  return [...new Set(url.searchParams.keys())].filter((name) => KNOWN_PARAMS.has(name));
}

/** The parameters of a form body; each name maps to the one value it was sent with. */
export type FormParams = ReadonlyMap<string, string>;

/**
 * Parses a form body into the parameters FlowLab reads. One of them sent twice, or a malformed
 * escape anywhere, is `invalid_request`; parameters it does not read are left out. Parameters
 * sent without a value are treated as omitted (RFC 6749 §3.1).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#appendix-B
 */
export function parseForm(body: string): FormParams {
  const params = new Map<string, string>();
  if (body === '') return params;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const name = formDecode(rawName);
    const value = formDecode(rawValue);
    if (name === null || value === null) {
      throw new OAuthError(
        'invalid_request',
        'The form body has a malformed percent-escape (a % not followed by two hex digits, or bytes that are not UTF-8).',
        400,
      );
    }
    // omitted, so it does not count as a first sending either: scope=&scope=x is scope=x
    if (!KNOWN_PARAMS.has(name) || value === '') continue;
    if (params.has(name)) {
      throw new OAuthError('invalid_request', `The ${name} parameter is sent more than once.`, 400);
    }
    params.set(name, value);
  }
  return params;
}
