import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

describe('explainError', () => {
  it('explains invalid_token with every case FlowLab answers it for (RFC 6750 §3.1)', () => {
    const meaning = explainError('api', 'invalid_token', 401)?.meaning ?? '';
    for (const word of ['signature', 'iss', 'aud', 'typ', 'at+jwt', 'expired', 'revoked'])
      expect(meaning, word).toContain(word);
  });

  it('explains invalid_client for a secret and for a client assertion alike', () => {
    const meaning = explainError('token', 'invalid_client', 401)?.meaning ?? '';
    for (const word of ['secret', 'client assertion', 'aud', 'exp', 'jti'])
      expect(meaning, word).toContain(word);
  });

  it('explains invalid_request by the RFC of the endpoint that answered it', () => {
    expect(explainError('token', 'invalid_request', 400)?.rfc).toBe('RFC 6749 §5.2');
    const api = explainError('api', 'invalid_request', 400);
    expect(api?.rfc).toBe('RFC 6750 §3.1');
    expect(api?.meaning).toContain('Bearer');
    expect(explainError('token', 'invalid_token', 401)).toBeUndefined();
  });

  it('falls back on the status when there is no code', () => {
    expect(explainError('api', undefined, 401)?.rfc).toBe('RFC 6750 §3');
    expect(explainError('token', undefined, 429)?.rfc).toBe('RFC 6585 §4');
    expect(explainError('token', 'nonsense', 400)).toBeUndefined();
    expect(explainError('token', 'constructor', 400)).toBeUndefined();
  });
});
