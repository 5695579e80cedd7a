import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../protocol/records';
import { errorFromExchange } from './record-exchange';

const refused = (body: string): HttpExchange => ({
  request: {
    method: 'POST',
    url: 'http://127.0.0.1/token',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body,
  },
  response: {
    status: 401,
    statusText: 'Unauthorized',
    headers: [],
    body: '',
    json: { error: 'invalid_client', error_description: 'nope' },
  },
  startedAt: 0,
  durationMs: 1,
});

describe('errorFromExchange', () => {
  it('explains an invalid_client by what the request authenticated with', () => {
    const secret = errorFromExchange(
      'token',
      refused('grant_type=client_credentials&client_id=abc&client_secret=x'),
    );
    expect(secret).toMatchObject({ status: 401, code: 'invalid_client', description: 'nope' });
    expect(secret.explanation?.rfc).toBe('RFC 6749 §5.2');
    const assertion = errorFromExchange(
      'token',
      refused(
        'grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=e30.e30.x',
      ),
    );
    expect(assertion.explanation?.rfc).toBe('RFC 7523 §3');
  });
});
