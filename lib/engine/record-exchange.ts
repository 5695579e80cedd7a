import { explainError } from './errors';
import { jsonString, type RecordedExchange, type TraceError } from './step-record';
import { headerValue, type HttpExchange, type HttpRequestRecord } from '../protocol/records';
import { CHECKS_HEADER, parseChecksHeader } from '../protocol/checks';
import { sendRequest, type SendDeps } from '../protocol/fetch';

/**
 * How a step runner records a round trip: it sends the request, keeps the server's checks, and
 * reads the error of a failed answer (with its explanation for the learner).
 */

/** Sends a request record and records the exchange with the server's checks. */
export async function sendAndRecord(
  request: HttpRequestRecord,
  deps: SendDeps,
): Promise<RecordedExchange> {
  const exchange = await sendRequest(request, deps);
  return {
    ...exchange,
    checks: parseChecksHeader(headerValue(exchange.response.headers, CHECKS_HEADER)),
  };
}

/**
 * Reads the error of a failed token or API response (JSON body, or an RFC 6750 challenge).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export function errorFromExchange(
  source: TraceError['source'],
  exchange: HttpExchange,
): TraceError {
  const { status, headers, json } = exchange.response;
  const challenge = headerValue(headers, 'www-authenticate') ?? '';
  const fromHeader = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1];
  const code = jsonString(json, 'error') ?? fromHeader('error');
  const description = jsonString(json, 'error_description') ?? fromHeader('error_description');
  const assertion = new URLSearchParams(exchange.request.body ?? '').has('client_assertion');
  const explanation = explainError(source, code, status, assertion);
  return {
    source,
    status,
    ...(code ? { code } : {}),
    ...(description ? { description } : {}),
    ...(explanation ? { explanation } : {}),
  };
}
