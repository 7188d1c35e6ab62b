/** The encodings a list arrives in: spreadsheets and hotline tools save UTF-8, UTF-16 ("Unicode text") or Windows-1251. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** How many leading bytes the NUL pattern of BOM-less UTF-16 is judged on. */
const SNIFF_BYTES = 4096;

/**
 * UTF-16 without a BOM: every ASCII character (digits, spaces, delimiters, line ends, Latin letters) puts a NUL on one
 * side of its pair, and text in UTF-8 or Windows-1251 has no NUL at all. Cyrillic fills both bytes, so a Kazakh list
 * may have only a fifth of its pairs with a NUL; what decides is that they are all on the same side.
 */
function utf16ByNuls(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (bytes[2 * i] === 0) evenNul += 1;
    if (bytes[2 * i + 1] === 0) oddNul += 1;
  }
  const enough = Math.max(2, pairs * 0.05);
  if (oddNul >= enough && evenNul * 10 <= oddNul) return 'utf-16le';
  if (evenNul >= enough && oddNul * 10 <= evenNul) return 'utf-16be';
  return null;
}

function bomOf(bytes: Buffer): TextEncoding | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Reads a text file's bytes: a BOM decides; else the NUL pattern of UTF-16; else UTF-8 when the bytes are valid UTF-8,
 * and Windows-1251 (what Excel saves a Russian CSV in) when they are not. The BOM is not part of the text.
 */
export function decodeText(bytes: Buffer): DecodedText {
  const encoding: TextEncoding = bomOf(bytes) ?? utf16ByNuls(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1251');
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
