/**
 * Plain records of HTTP requests and responses. The step engine builds a request record once and
 * uses it for everything: it is what `fetch` sends, what the page displays, and what the snippet
 * generators turn into curl, Python or JavaScript, so the text shown can never drift from the wire.
 */

export type HttpMethod = 'GET' | 'POST';

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
  /** Epoch milliseconds (from the injected clock) when the request was sent. */
  readonly startedAt: number;
  readonly durationMs: number;
}

/** What the engine needs from the outside world: network, clock and timer, all injected. */
export interface EngineDeps {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Origin of the authorization server and API, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  /** Told before the engine waits on purpose (the expired-token scenario), so a view can count down. */
  readonly onWait?: (wait: { readonly until: number; readonly reason: string }) => void;
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

/** The standard reason phrase for a status code (HTTP/2 responses carry none of their own). */
export function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? '';
}

/** The first header of this name (case-insensitive), or undefined. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Path and query of an absolute URL, as they appear on an HTTP request line. */
export function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends a request record through the injected fetch and records the exchange.
 * Network failures reject; any HTTP status resolves.
 */
export async function sendRequest(
  request: HttpRequestRecord,
  deps: EngineDeps,
): Promise<HttpExchange> {
  const startedAt = deps.now();
  const response = await deps.fetch(request.url, {
    method: request.method,
    headers: request.headers.map(([n, v]) => [n, v] as [string, string]),
    body: request.body,
    cache: 'no-store',
    redirect: 'manual',
    // With credentials the browser answers a 401 carrying `WWW-Authenticate: Basic` with its own
    // login prompt, and the fetch hangs until someone dismisses it. The engine authenticates
    // explicitly, so it never needs the browser's credentials or cookies.
    credentials: 'omit',
  });
  const body = await response.text();
  const headers: HeaderPair[] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  const isJson = /json/i.test(response.headers.get('content-type') ?? '');
  const json = isJson ? parseJson(body) : undefined;
  return {
    request,
    response: {
      status: response.status,
      statusText: response.statusText || reasonPhrase(response.status),
      headers,
      body,
      ...(json === undefined ? {} : { json }),
    },
    startedAt,
    durationMs: Math.max(0, deps.now() - startedAt),
  };
}
