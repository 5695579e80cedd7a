import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

describe('explainError', () => {
  it('explains invalid_token with every case FlowLab answers it for (RFC 6750 §3.1)', () => {
    const meaning = explainError('api', 'invalid_token', 401)?.meaning ?? '';
    for (const word of ['signature', 'iss', 'aud', 'typ', 'at+jwt', 'expired', 'revoked'])
      expect(meaning, word).toContain(word);
  });

  it('explains invalid_client by how the client authenticated: a secret, or an assertion', () => {
    const secret = explainError('token', 'invalid_client', 401)?.meaning ?? '';
    expect(secret).toContain('secret');
    for (const word of ['assertion', 'jti']) expect(secret, word).not.toContain(word);
    const assertion = explainError('token', 'invalid_client', 401, true);
    for (const word of ['client assertion', 'iss and sub', 'aud', 'exp', 'jti'])
      expect(assertion?.meaning, word).toContain(word);
    expect(assertion?.meaning).not.toContain('secret');
    expect(assertion?.rfc).toBe('RFC 7523 §3');
    expect(explainError('api', 'invalid_token', 401, true)).toBe(
      explainError('api', 'invalid_token', 401),
    );
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
