import { encodeBasicAuthorization } from '@/lib/protocol/basic';
import { API_PATH, TOKEN_PATH, endpointUrl } from '@/lib/protocol/paths';
import type { HttpMethod, HttpRequestRecord } from '@/lib/protocol/records';
import { headerLines } from '@/lib/protocol/render';
import { FORM_CONTENT_TYPE } from '@/lib/protocol/requests';

/** A request as the sandbox form holds it: method, path on this app, header lines, body. */
export interface SandboxRequest {
  readonly method: HttpMethod;
  readonly path: string;
  /** One header a line: `Name: value`. */
  readonly headers: string;
  readonly body: string;
}

/** A ready-made request the sandbox can load, each showing one behaviour of the real server. */
export interface SandboxPreset extends SandboxRequest {
  readonly id: string;
  readonly label: string;
}

const FORM = `Content-Type: ${FORM_CONTENT_TYPE}`;

/** The presets, in the order the sandbox offers them. */
export const sandboxPresets: readonly SandboxPreset[] = [
  {
    id: 'body',
    label: 'Token, body credentials',
    method: 'POST',
    path: TOKEN_PATH,
    headers: FORM,
    body: 'grant_type=client_credentials&client_id=abc&client_secret=xyz',
  },
  {
    id: 'basic',
    label: 'Token, HTTP Basic',
    method: 'POST',
    path: TOKEN_PATH,
    headers: `${FORM}\nAuthorization: ${encodeBasicAuthorization('abc', 'xyz')}`,
    body: 'grant_type=client_credentials&scope=data:read',
  },
  {
    id: 'json',
    label: 'Token, JSON body (error)',
    method: 'POST',
    path: TOKEN_PATH,
    headers: 'Content-Type: application/json',
    body: '{"grant_type":"client_credentials","client_id":"abc123","client_secret":"secret456"}',
  },
  {
    id: 'wrong-secret',
    label: 'Token, wrong secret (error)',
    method: 'POST',
    path: TOKEN_PATH,
    headers: FORM,
    body: 'grant_type=client_credentials&client_id=abc&client_secret=wrong',
  },
  {
    id: 'get-token',
    label: 'GET /token (error)',
    method: 'GET',
    path: TOKEN_PATH,
    headers: '',
    body: '',
  },
  {
    id: 'api',
    label: 'API without a token (error)',
    method: 'GET',
    path: API_PATH,
    headers: '',
    body: '',
  },
];

/** A request record as the sandbox form holds it (its path on this app, its header lines). */
export function sandboxRequestOf(record: HttpRequestRecord): SandboxRequest {
  const url = new URL(record.url);
  return {
    method: record.method,
    path: `${url.pathname}${url.search}`,
    headers: headerLines(record.headers).join('\n'),
    body: record.body ?? '',
  };
}

/**
 * The URL the sandbox sends to for what the learner typed in its Path field: a path, or a full
 * URL such as a lesson's curl line shows, resolved against this app's origin; `null` when that
 * lands on another host (`//other.host`, `/\\other.host`, `https://other.host/`), so the sandbox
 * only ever talks to FlowLab.
 */
export function sandboxUrl(path: string, origin: string): string | null {
  try {
    const url = endpointUrl(origin, path.trim());
    return new URL(url).origin === origin ? url : null;
  } catch {
    return null;
  }
}

/** Parses `Name: value` lines; reports the lines that are not headers. */
export function parseHeaderLines(text: string): { headers: [string, string][]; invalid: string[] } {
  const headers: [string, string][] = [];
  const invalid: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) invalid.push(line);
    else headers.push([name, line.slice(colon + 1).trim()]);
  }
  return { headers, invalid };
}
