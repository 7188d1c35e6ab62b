/**
 * The vault's cryptography, Web Crypto only. PBKDF2-SHA-256 stretches the passphrase into 256 bits, which never leave
 * this function: they become an HKDF base key from which two NON-extractable keys are derived – AES-GCM-256 to seal
 * values and HMAC-SHA-256 to turn texts (URLs) into opaque store keys. A second key is needed because a URL can hold
 * typed text (a name search) and must not be a store key in clear, while a plain hash of it could be guessed.
 */

export const DEFAULT_ITERATIONS = 600_000;
export const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface VaultKeys {
  readonly seal: CryptoKey;
  readonly name: CryptoKey;
}

/** A sealed value: the IV (fresh for every write) and the AES-GCM ciphertext with its tag. */
export interface Sealed {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

/** Bytes of `text` in an ArrayBuffer of this realm (jsdom's TextEncoder output is not accepted by Node's crypto). */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  const encoded = encoder.encode(text);
  const bytes = new Uint8Array(new ArrayBuffer(encoded.length));
  bytes.set(encoded);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(length)));
}

export async function deriveKeys(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<VaultKeys> {
  const material = await subtle().importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  try {
    const base = await subtle().importKey('raw', bits, 'HKDF', false, ['deriveKey']);
    const hkdf = (info: string): HkdfParams => ({
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new ArrayBuffer(0),
      info: utf8(info),
    });
    const seal = await subtle().deriveKey(
      hkdf('casetrack-offline seal'),
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
    const name = await subtle().deriveKey(
      hkdf('casetrack-offline name'),
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    );
    return { seal, name };
  } finally {
    new Uint8Array(bits).fill(0);
  }
}

/**
 * Seals a JSON value. `label` (the record's store and key) is bound as additional data, so a sealed value moved to
 * another record does not open.
 */
export async function seal(keys: VaultKeys, label: string, value: unknown): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(label) },
    keys.seal,
    utf8(JSON.stringify(value)),
  );
  return { iv, data };
}

/** Opens a sealed value; rejects when the key, the label or the bytes are not the ones it was sealed with. */
export async function unseal(keys: VaultKeys, label: string, sealed: Sealed): Promise<unknown> {
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv: copy(sealed.iv), additionalData: utf8(label) },
    keys.seal,
    copy(sealed.data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

/** An opaque, stable store key for a text (HMAC under the vault's key, hex). */
export async function opaqueName(keys: VaultKeys, text: string): Promise<string> {
  const mac = await subtle().sign('HMAC', keys.name, utf8(text));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Values read back from IndexedDB may come from another realm (fake-indexeddb's structured clone in tests). */
function copy(bytes: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> {
  const view = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  const out = new Uint8Array(new ArrayBuffer(view.byteLength));
  out.set(view);
  return out;
}
