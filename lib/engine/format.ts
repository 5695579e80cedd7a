import {
  headerValue,
  requestTarget,
  type HttpExchange,
  type HttpRequestRecord,
} from '../protocol/records';

/** How records read in a table cell: short values, tokens cut to their recognisable ends. */

/**
 * Shortens a long value for a table cell: the start, an ellipsis and the end. A JWT keeps a piece
 * of each part (`eyJhbGciOi…Q5In0.Xk2…`), so an edited payload still looks different.
 */
export function shorten(value: string, keep = 12): string {
  if (value.length <= keep * 2 + 1) return value;
  const parts = value.split('.');
  if (parts.length === 3 && value.startsWith('eyJ')) {
    const [header = '', payload = '', signature = ''] = parts;
    return `${header.slice(0, keep)}…${payload.slice(-6)}.${signature.slice(0, 6)}…`;
  }
  return `${value.slice(0, keep)}…${value.slice(-6)}`;
}

/** How a variable's value is shown: None before it exists. */
export function formatVar(value: string | null | undefined): string {
  return value === null || value === undefined ? 'None' : value;
}

/** Every JWT in a text, shortened. */
export function shortenTokens(text: string): string {
  return text.replace(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, (t) => shorten(t, 10));
}

/** A response in one line: status and body (tokens shortened, long bodies cut). */
export function responseSummary(exchange: HttpExchange): string {
  const full = shortenTokens(exchange.response.body);
  const body = full.length > 120 ? `${full.slice(0, 117)}…` : full;
  return `${exchange.response.status} ${body}`.trim();
}

/** A request in one line: its Authorization header and its body, or its request line. */
export function requestSummary(request: HttpRequestRecord): string {
  const auth = headerValue(request.headers, 'authorization');
  const parts = [auth ? `Authorization: ${auth}` : '', request.body ?? ''].filter(Boolean);
  const text = parts.length ? parts.join(' + ') : `${request.method} ${requestTarget(request.url)}`;
  return shortenTokens(text);
}
