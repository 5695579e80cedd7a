/**
 * The one way FlowLab's client code sends a request record: the step engine, the sandbox, the
 * examples workbench and the token inspector all go through {@link sendRequest}.
 */
import {
  reasonPhrase,
  type HeaderPair,
  type HttpExchange,
  type HttpRequestRecord,
} from './records';

/** What sending needs from the outside world: a fetch and a clock, both injected. */
export interface SendDeps {
  readonly fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Milliseconds. */
  readonly now: () => number;
}

/** The fetch options every FlowLab request is sent with. */
export function requestInit(request: HttpRequestRecord): RequestInit {
  return {
    method: request.method,
    headers: request.headers.map(([n, v]) => [n, v] as [string, string]),
    body: request.body,
    cache: 'no-store',
    redirect: 'manual',
    // With credentials the browser answers a 401 carrying `WWW-Authenticate: Basic` with its own
    // login prompt, and the fetch hangs until someone dismisses it. FlowLab authenticates
    // explicitly, so it never needs the browser's credentials or cookies.
    credentials: 'omit',
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends a request record and records the exchange. Network failures reject; any HTTP status
 * resolves.
 */
export async function sendRequest(
  request: HttpRequestRecord,
  deps: SendDeps,
): Promise<HttpExchange> {
  const startedAt = deps.now();
  const response = await deps.fetch(request.url, requestInit(request));
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

/** The browser's fetch and high-resolution clock, for views that send from the page. */
export function browserSendDeps(): SendDeps {
  return { fetch: (input, init) => fetch(input, init), now: () => performance.now() };
}
