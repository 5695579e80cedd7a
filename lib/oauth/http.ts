/**
 * What the core reads of an HTTP request. A web-standard `Request` is one, so route handlers and
 * tests pass theirs as is; an adapter that already holds the body bytes (the node:http adapter)
 * passes a plain object with `bufferedBody` and skips building a `Request` and its body stream.
 */
export interface CoreRequest {
  readonly method: string;
  /** Absolute URL of the request. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream (a web `Request`), or null when there is none. */
  readonly body: ReadableStream<Uint8Array> | null;
  /** The body already buffered by the adapter; read instead of `body` when present. */
  readonly bufferedBody?: Uint8Array;
  /**
   * Who sent it (its address, which the client cannot choose), for the limits that count per
   * caller: registrations, and wrong secrets. Absent, every such request counts as one caller.
   */
  readonly caller?: string;
}

/** A web `Request` as the core reads it, sent by `caller` (see {@link CoreRequest.caller}). */
export function sentBy(request: Request, caller: string): CoreRequest {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
    caller,
  };
}

/** The caller a per-caller limit counts for `request` (see {@link CoreRequest.caller}). */
export function callerOf(request: CoreRequest): string {
  return request.caller ?? 'unknown';
}

/**
 * What the core answers: status, headers and the body text. Route handlers and tests get it as a
 * web `Response` (see {@link toWebResponse}); the node:http adapter writes it directly.
 */
export interface CoreResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A JSON response with the given status and headers (`Content-Type: application/json`). */
export function coreJson(
  body: unknown,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): CoreResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/** The web-standard `Response` of a core response. */
export function toWebResponse(response: CoreResponse): Response {
  // an empty body stays null, so no Content-Type is invented for it (revocation answers so)
  return new Response(response.body === '' ? null : response.body, {
    status: response.status,
    headers: response.headers,
  });
}
