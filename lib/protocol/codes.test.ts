import { describe, expect, it } from 'vitest';
import { BEARER_ERRORS, TOKEN_ERRORS, isOAuthErrorCode } from './codes';

describe('error codes', () => {
  it('recognises RFC 6749 and RFC 6750 codes and FlowLab’s own', () => {
    for (const code of [...TOKEN_ERRORS, ...BEARER_ERRORS, 'too_many_requests']) {
      expect(isOAuthErrorCode(code)).toBe(true);
    }
  });

  it('rejects anything else', () => {
    expect(isOAuthErrorCode('access_denied')).toBe(false);
    expect(isOAuthErrorCode(400)).toBe(false);
  });
});
