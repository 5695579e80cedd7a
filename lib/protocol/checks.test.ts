import { describe, expect, it } from 'vitest';
import { checkIds, checkLabels, parseChecksHeader, serializeChecks, type Check } from './checks';

describe('checks', () => {
  it('has one label per id', () => {
    expect(Object.keys(checkLabels).sort()).toEqual([...checkIds].sort());
  });

  it('serializes as ASCII-only JSON and parses back', () => {
    const checks: Check[] = [
      { id: 'client-known', ok: true },
      { id: 'signature', ok: false, detail: 'the server’s key "k1"' },
    ];
    const value = serializeChecks(checks);
    expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(value).toContain('\\u2019');
    expect(parseChecksHeader(value)).toEqual(checks);
  });

  it.each([
    ['absent', null],
    ['not JSON', '[{'],
    ['not an array', '{"id":"alg","ok":true}'],
    ['an unknown id', '[{"id":"nope","ok":true}]'],
    ['ok not boolean', '[{"id":"alg","ok":"yes"}]'],
    ['detail not string', '[{"id":"alg","ok":true,"detail":1}]'],
  ])('is null for a header that is %s', (_name, value) => {
    expect(parseChecksHeader(value)).toBeNull();
  });
});
