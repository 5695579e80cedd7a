import { describe, expect, it } from 'vitest';
import { parseHeaderLines, sandboxUrl } from './sandbox-presets';

const ORIGIN = 'http://localhost:3000';

describe('sandboxUrl', () => {
  it('resolves a path, or a full URL of this app, on this app', () => {
    expect(sandboxUrl('/token', ORIGIN)).toBe(`${ORIGIN}/token`);
    expect(sandboxUrl('  /api/data?x=1 ', ORIGIN)).toBe(`${ORIGIN}/api/data?x=1`);
    expect(sandboxUrl(`${ORIGIN}/token`, ORIGIN)).toBe(`${ORIGIN}/token`);
    expect(sandboxUrl('token', ORIGIN)).toBe(`${ORIGIN}/token`);
  });

  it('refuses anything that lands on another host', () => {
    for (const path of [
      '//example.com/token',
      '/\\example.com/token',
      '\\\\example.com',
      'https://example.com/token',
      'http://localhost:3001/token',
      'https://localhost:3000/token',
      'http://[::1',
    ])
      expect(sandboxUrl(path, ORIGIN), path).toBeNull();
  });
});

describe('parseHeaderLines', () => {
  it('keeps Name: value lines and reports the others', () => {
    expect(parseHeaderLines('Accept: application/json\nnot a header\n\n')).toEqual({
      headers: [['Accept', 'application/json']],
      invalid: ['not a header'],
    });
  });
});
