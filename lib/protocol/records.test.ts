import { describe, expect, it } from 'vitest';
import { headerValue, reasonPhrase, requestTarget } from './records';

describe('records', () => {
  it('finds a header case-insensitively', () => {
    const headers = [['Content-Type', 'a'] as const, ['content-type', 'b'] as const];
    expect(headerValue(headers, 'CONTENT-TYPE')).toBe('a');
    expect(headerValue(headers, 'Authorization')).toBeUndefined();
  });

  it('gives the request target and the reason phrase', () => {
    expect(requestTarget('http://h:1/api/data?x=1')).toBe('/api/data?x=1');
    expect(reasonPhrase(401)).toBe('Unauthorized');
    expect(reasonPhrase(599)).toBe('');
  });
});
