/** RFC 4648 base32, the alphabet authenticator apps expect for TOTP secrets. Written out without padding. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let output = '';
  let buffered = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffered = ((buffered << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(buffered >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += ALPHABET[(buffered << (5 - bits)) & 31];
  return output;
}

/** The bytes of a base32 text (any case, spaces and `=` padding ignored), or null when it is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffered = 0;
  let bits = 0;
  for (const char of clean) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffered = ((buffered << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffered >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
