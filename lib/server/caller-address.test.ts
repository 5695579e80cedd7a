import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from './method-guard';
import { callerAddress } from './caller-address';

const req = (headers: Record<string, string>) => new Request('http://h.test/register', { headers });

describe('callerAddress (the per-caller registration limit)', () => {
  it('counts the socket peer, not a client-sent X-Forwarded-For, by default', () => {
    const r = req({ [PEER_HEADER]: '192.0.2.7', 'X-Forwarded-For': '10.0.0.1' });
    expect(callerAddress(r, {})).toBe('192.0.2.7');
  });

  it('behind a trusted proxy, counts the last X-Forwarded-For entry (the one the proxy added)', () => {
    const r = req({ [PEER_HEADER]: '127.0.0.1', 'X-Forwarded-For': 'forged, 203.0.113.9' });
    expect(callerAddress(r, { FLOWLAB_TRUST_PROXY: '1' })).toBe('203.0.113.9');
    expect(callerAddress(req({ [PEER_HEADER]: '127.0.0.1' }), { FLOWLAB_TRUST_PROXY: '1' })).toBe(
      '127.0.0.1',
    );
  });

  it('falls back to X-Forwarded-For without the guard, else one shared bucket', () => {
    expect(callerAddress(req({ 'X-Forwarded-For': '198.51.100.1' }), {})).toBe('198.51.100.1');
    expect(callerAddress(req({}), {})).toBe('unknown');
  });
});
