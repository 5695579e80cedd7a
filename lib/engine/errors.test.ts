import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

describe('explainError', () => {
  it('explains invalid_token with every case FlowLab answers it for (RFC 6750 §3.1)', () => {
    const meaning = explainError('invalid_token', 401)?.meaning ?? '';
    for (const word of ['signature', 'iss', 'aud', 'typ', 'at+jwt', 'expired', 'revoked'])
      expect(meaning, word).toContain(word);
  });

  it('falls back on the status when there is no code', () => {
    expect(explainError(undefined, 401)?.rfc).toBe('RFC 6750 §3');
    expect(explainError(undefined, 429)?.rfc).toBe('RFC 6585 §4');
    expect(explainError('nonsense', 400)).toBeUndefined();
  });
});
