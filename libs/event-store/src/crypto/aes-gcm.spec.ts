import { DecryptionError, newDataKey, open, seal } from './aes-gcm';

describe('AES-256-GCM sealing', () => {
  const key = newDataKey();

  it('opens what it sealed', () => {
    const sealed = seal(key, Buffer.from('Жолатов'), 'case-1/e1/fullName');
    expect(open(key, sealed, 'case-1/e1/fullName').toString()).toBe('Жолатов');
  });

  it('uses a fresh IV each time', () => {
    expect(seal(key, Buffer.from('x'), 'a').equals(seal(key, Buffer.from('x'), 'a'))).toBe(false);
  });

  it('never gives two seals the same IV, across the blocks it draws them from', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) ivs.add(seal(key, Buffer.from('x'), 'a').subarray(0, 12).toString('hex'));
    expect(ivs.size).toBe(10_000);
  });

  it('refuses another key, another place, a flipped bit and a truncated tag', () => {
    const sealed = seal(key, Buffer.from('secret'), 'here');
    expect(() => open(newDataKey(), sealed, 'here')).toThrow(DecryptionError);
    expect(() => open(key, sealed, 'there')).toThrow(DecryptionError);
    const flipped = Buffer.from(sealed);
    flipped[14] ^= 1;
    expect(() => open(key, flipped, 'here')).toThrow(DecryptionError);
    expect(() => open(key, sealed.subarray(0, sealed.length - 4), 'here')).toThrow(DecryptionError);
  });
});
