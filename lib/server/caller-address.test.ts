import { describe, expect, it } from 'vitest';
import { PEER_HEADER } from './method-guard';
import { callerAddress, callerForAddress } from './caller-address';

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

describe('callerForAddress (one caller per host)', () => {
  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(callerForAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(callerForAddress('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(callerForAddress('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(callerForAddress('2001:db8:0:0::5')).toBe('2001:db8:0:0::/64');
    expect(callerForAddress('::1')).toBe('0:0:0:0::/64');
    expect(callerForAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(callerForAddress('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps an IPv4 address, also when it arrives IPv4-mapped, and anything else as it is', () => {
    expect(callerForAddress('192.0.2.7')).toBe('192.0.2.7');
    expect(callerForAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(callerForAddress('::FFFF:192.0.2.7')).toBe('192.0.2.7');
    expect(callerForAddress('unknown')).toBe('unknown');
    expect(callerForAddress('not an address')).toBe('not an address');
  });

  it('gives two addresses of one /64 one caller, and two /64s two', () => {
    const r = (peer: string) => callerAddress(req({ [PEER_HEADER]: peer }), {});
    expect(r('2001:db8:1:2::a')).toBe(r('2001:db8:1:2:ffff::b'));
    expect(r('2001:db8:1:2::a')).not.toBe(r('2001:db8:1:3::a'));
  });
});
