import { describe, expect, it } from 'vitest';
import { deriveKeys, opaqueName, randomBytes, seal, unseal } from './crypto';

const ITERATIONS = 1000;

describe('offline crypto', () => {
  it('seals and opens a JSON value, with a fresh IV each time', async () => {
    const keys = await deriveKeys('correct horse', randomBytes(16), ITERATIONS);
    const value = { name: 'Асанов Ерлан', n: 3, list: [true, null] };
    const first = await seal(keys, 'answers:a', value);
    const second = await seal(keys, 'answers:a', value);
    expect(first.iv).toHaveLength(12);
    expect([...first.iv]).not.toEqual([...second.iv]);
    expect(new Uint8Array(first.data)).not.toEqual(new Uint8Array(second.data));
    expect(await unseal(keys, 'answers:a', first)).toEqual(value);
    expect(await unseal(keys, 'answers:a', second)).toEqual(value);
  });

  it('makes keys that cannot be exported', async () => {
    const keys = await deriveKeys('correct horse', randomBytes(16), ITERATIONS);
    expect(keys.seal.extractable).toBe(false);
    expect(keys.name.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', keys.seal)).rejects.toThrow();
  });

  it('opens nothing with a wrong passphrase, another salt or another label', async () => {
    const salt = randomBytes(16);
    const keys = await deriveKeys('correct horse', salt, ITERATIONS);
    const sealed = await seal(keys, 'meta:verifier', 'casetrack');
    const wrong = await deriveKeys('correct hors', salt, ITERATIONS);
    await expect(unseal(wrong, 'meta:verifier', sealed)).rejects.toThrow();
    const otherSalt = await deriveKeys('correct horse', randomBytes(16), ITERATIONS);
    await expect(unseal(otherSalt, 'meta:verifier', sealed)).rejects.toThrow();
    await expect(unseal(keys, 'meta:other', sealed)).rejects.toThrow();
    const same = await deriveKeys('correct horse', salt, ITERATIONS);
    expect(await unseal(same, 'meta:verifier', sealed)).toBe('casetrack');
  });

  it('names a text by an opaque, stable key', async () => {
    const salt = randomBytes(16);
    const keys = await deriveKeys('p', salt, ITERATIONS);
    const name = await opaqueName(keys, '/v1/cases?q=Асанов');
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(await opaqueName(keys, '/v1/cases?q=Асанов')).toBe(name);
    expect(await opaqueName(keys, '/v1/cases?q=Асанова')).not.toBe(name);
    expect(await opaqueName(await deriveKeys('q', salt, ITERATIONS), '/v1/cases?q=Асанов')).not.toBe(name);
  });
});
