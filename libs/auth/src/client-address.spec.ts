import { throttleAddress } from './client-address';

describe('throttleAddress', () => {
  it('counts IPv4 addresses as they are, IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const expected = '2001:db8:aa:1::/64';
    for (const ip of [
      '2001:db8:aa:1::1',
      '2001:0db8:00aa:0001:ffff:0:0:9',
      '2001:DB8:AA:1:1:2:3:4',
      '2001:db8:aa:1::1%eth0',
    ]) {
      expect(throttleAddress(ip)).toBe(expected);
    }
    expect(throttleAddress('2001:db8:aa:2::1')).toBe('2001:db8:aa:2::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1')).toBe('fe80:0:0:0::/64');
    expect(throttleAddress('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
  });

  it('counts a missing or unreadable address as one unknown address', () => {
    expect(throttleAddress(undefined)).toBe('unknown');
    expect(throttleAddress('')).toBe('unknown');
    expect(throttleAddress('not an address')).toBe('unknown');
  });
});
