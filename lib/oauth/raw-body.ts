/**
 * A fast path for adapters that already hold a request's bytes (the node:http adapter): they
 * attach the buffered body to the `Request` they build, and the core reads it from here instead
 * of through a WHATWG stream; likewise the core records the JSON text of its responses so such an
 * adapter can write it without reading the `Response` stream. Requests and responses built any
 * other way (Next.js, tests) simply take the standard path.
 */
const requestBodies = new WeakMap<Request, Uint8Array>();
const responseBodies = new WeakMap<Response, string>();

/** Attaches already-read body bytes to a request built without a body. */
export function attachRawBody(request: Request, bytes: Uint8Array): Request {
  requestBodies.set(request, bytes);
  return request;
}

/** The attached body bytes of a request, if an adapter attached them. */
export function rawRequestBody(request: Request): Uint8Array | undefined {
  return requestBodies.get(request);
}

/** Records the body text of a response the core built. */
export function recordResponseText(response: Response, text: string): Response {
  responseBodies.set(response, text);
  return response;
}

/** The body text of a response the core built, if recorded (the stream is then left unread). */
export function responseText(response: Response): string | undefined {
  return responseBodies.get(response);
}
