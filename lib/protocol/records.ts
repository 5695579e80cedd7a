/**
 * Plain records of HTTP requests and responses. A request record is built once and used for
 * everything: it is what `fetch` sends, what the page displays, and what the renderers turn into
 * HTTP text, curl or code, so the text shown can never drift from the wire.
 */

/** The methods a FlowLab client sends (the sandbox also tries the ones the server refuses). */
export const httpMethods = ['GET', 'POST', 'PUT', 'DELETE'] as const;
/** One of {@link httpMethods}. */
export type HttpMethod = (typeof httpMethods)[number];

/** A header as sent or received: name and value, in order. */
export type HeaderPair = readonly [name: string, value: string];

/** A request as the client sends it. `url` is absolute. */
export interface HttpRequestRecord {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: readonly HeaderPair[];
  readonly body?: string;
}

/** A response as the client received it. `json` is the parsed body when it was JSON. */
export interface HttpResponseRecord {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly HeaderPair[];
  readonly body: string;
  readonly json?: unknown;
}

/** One round trip: the request as sent, the response as received, and how long it took. */
export interface HttpExchange {
  readonly request: HttpRequestRecord;
  readonly response: HttpResponseRecord;
  /** Milliseconds (from the injected clock) when the request was sent. */
  readonly startedAt: number;
  readonly durationMs: number;
}

const reasonPhrases: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/**
 * The standard reason phrase for a status code (HTTP/2 responses carry none of their own).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15
 */
export function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? '';
}

/** The first header of this name (case-insensitive), or undefined. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/**
 * Path and query of an absolute URL, as they appear on an HTTP request line.
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3.2
 */
export function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
