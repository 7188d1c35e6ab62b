import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { OfflineVault, VaultState } from './types';
import { openOffline } from './open';
import { ACCOUNT, PASSPHRASE, TEST_ITERATIONS } from './test-support';

function twoTabs() {
  const factory = new IDBFactory();
  const channel = `casetrack-offline-test-${globalThis.crypto.randomUUID()}`;
  const open = () => openOffline({ indexedDB: factory, iterations: TEST_ITERATIONS, channel });
  return { factory, a: open(), b: open() };
}

/** Resolves when the vault reaches `state` (a test that never gets there fails by its timeout). */
function reaches(vault: OfflineVault, state: VaultState): Promise<void> {
  return new Promise((resolve) => {
    if (vault.state() === state) resolve();
    const stop = vault.subscribe(() => {
      if (vault.state() === state) {
        stop();
        resolve();
      }
    });
  });
}

describe('tabs of one device', () => {
  it('see a vault made in another tab, lock together, and both go absent on a wipe', async () => {
    const { factory, a, b } = twoTabs();
    expect(await b.vault.ready()).toBe('absent');
    const bSeesIt = reaches(b.vault, 'locked');
    await a.vault.create(PASSPHRASE, ACCOUNT);
    await bSeesIt;
    await expect(b.vault.create('another', ACCOUNT)).rejects.toMatchObject({ code: 'exists' });

    expect(await b.vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    const bLocks = reaches(b.vault, 'locked');
    a.vault.lock();
    await bLocks;
    await expect(b.vault.pinned()).rejects.toMatchObject({ code: 'locked' });

    expect(await a.vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    const bGone = reaches(b.vault, 'absent');
    await a.vault.wipe();
    await bGone;
    expect(a.vault.state()).toBe('absent');
    // The other tab looked again without making the database anew.
    expect(await b.vault.ready()).toBe('absent');
    expect(await factory.databases()).toEqual([]);
  });

  it('ready() in the other tab waits for the look a made vault started, not only the first one', async () => {
    const { a, b } = twoTabs();
    expect(await b.vault.ready()).toBe('absent');
    const looking = new Promise<void>((resolve) => {
      const stop = b.vault.subscribe(() => {
        if (b.vault.state() === 'opening') {
          stop();
          resolve();
        }
      });
    });
    await a.vault.create(PASSPHRASE, ACCOUNT);
    await looking;
    expect(await b.vault.ready()).toBe('locked');
  });

  it('tells the other tab the outbox changed', async () => {
    const { a, b } = twoTabs();
    await a.vault.create(PASSPHRASE, ACCOUNT);
    await reaches(b.vault, 'locked');
    expect(await b.vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    const told = new Promise<void>((resolve) => b.outbox.subscribe(resolve));
    const entry = await a.outbox.add({
      caseRef: 'local:1',
      path: '/v1/cases',
      pathParams: {},
      body: { detainee: { fullName: 'x', city: 'y' } },
    });
    await told;
    expect((await b.outbox.list()).map((e) => e.id)).toEqual([entry.id]);
  });
});
