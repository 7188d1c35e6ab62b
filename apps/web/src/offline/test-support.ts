import { IDBFactory } from 'fake-indexeddb';
import type { OfflineHandles } from './types';
import { openOffline } from './open';
import { done } from './store';

/** Few PBKDF2 iterations: the tests check behaviour, one test checks the default count. */
export const TEST_ITERATIONS = 1000;
/** The passphrase of the vaults the tests make. */
export const PASSPHRASE = 'correct horse battery';
export const ACCOUNT = '0b0b0b0b-0000-4000-8000-000000000001';

export interface TestDevice extends OfflineHandles {
  readonly factory: IDBFactory;
  readonly clock: { now: Date };
}

/** A fresh device: its own IndexedDB and a clock the test moves. */
export function testDevice(
  factory: IDBFactory = new IDBFactory(),
  clock = { now: new Date('2026-12-01T06:00:00Z') },
): TestDevice {
  const handles = openOffline({ indexedDB: factory, iterations: TEST_ITERATIONS, now: () => clock.now });
  return { ...handles, factory, clock };
}

export async function unlockedDevice(): Promise<TestDevice> {
  const device = testDevice();
  await device.vault.create(PASSPHRASE, ACCOUNT);
  return device;
}

/** Every raw record of every object store of a database, read with plain IndexedDB (no key). */
export async function rawRecords(factory: IDBFactory, name: string): Promise<unknown[]> {
  const db = (await done(factory.open(name))) as IDBDatabase;
  const out: unknown[] = [];
  for (const store of [...db.objectStoreNames]) {
    const os = db.transaction(store, 'readonly').objectStore(store);
    const [keys, values] = await Promise.all([done(os.getAllKeys()), done(os.getAll())]);
    out.push(store, ...(keys as unknown[]), ...(values as unknown[]));
  }
  db.close();
  return out;
}

/** Every string and every byte sequence held anywhere in `value` (keys included). */
export function flatten(
  value: unknown,
  strings: string[] = [],
  bytes: Uint8Array[] = [],
): { strings: string[]; bytes: Uint8Array[] } {
  if (typeof value === 'string') strings.push(value);
  else if (typeof value === 'number') strings.push(String(value));
  else if (ArrayBuffer.isView(value)) bytes.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  else if (Object.prototype.toString.call(value) === '[object ArrayBuffer]')
    bytes.push(new Uint8Array(value as ArrayBuffer));
  else if (Array.isArray(value)) for (const item of value) flatten(item, strings, bytes);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      strings.push(key);
      flatten(item, strings, bytes);
    }
  }
  return { strings, bytes };
}

export function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
