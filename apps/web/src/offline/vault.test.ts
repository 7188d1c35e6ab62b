import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { OfflineError } from './errors';
import { openOffline } from './open';
import { DB_NAME } from './store';
import {
  ACCOUNT,
  containsBytes,
  flatten,
  PASSPHRASE,
  rawRecords,
  testDevice,
  unlockedDevice,
  TEST_ITERATIONS,
} from './test-support';

const CASE_ID = '7d1c6f0e-2f43-4d4e-9a51-3b0c1d2e3f40';
const NAME = 'Асанов Ерлан';
const NOTE = 'ударили дубинкой';

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

describe('offline vault', () => {
  it('goes from opening to absent, and create leaves it unlocked', async () => {
    const { vault } = testDevice();
    expect(vault.state()).toBe('opening');
    expect(await vault.ready()).toBe('absent');
    const seen: string[] = [];
    vault.subscribe(() => seen.push(vault.state()));
    await vault.create(PASSPHRASE, ACCOUNT);
    expect(vault.state()).toBe('unlocked');
    expect(seen).toContain('unlocked');
    await expect(vault.create(PASSPHRASE, ACCOUNT)).rejects.toMatchObject({ code: 'exists' });
  });

  it('looking for a vault leaves no database behind on a device that has none', async () => {
    const device = testDevice();
    expect(await device.vault.ready()).toBe('absent');
    expect(await device.outbox.count()).toBe(0);
    await expect(device.vault.unlock(PASSPHRASE, ACCOUNT)).rejects.toMatchObject({ code: 'absent' });
    expect((await device.factory.databases()).map((d) => d.name)).toEqual([]);
    await device.vault.create(PASSPHRASE, ACCOUNT);
    expect((await device.factory.databases()).map((d) => d.name)).toEqual([DB_NAME]);
  });

  it('keeps no readable case text in any record of any store', async () => {
    const { vault, outbox, factory } = await unlockedDevice();
    await vault.putAnswer(`/v1/cases/${CASE_ID}`, { caseId: CASE_ID, fullName: NAME, version: 3 });
    await vault.putAnswer(`/v1/cases/${CASE_ID}/timeline`, { events: [{ type: 'note_added', text: NOTE }] });
    await vault.putAnswer(`/v1/cases?q=${encodeURIComponent(NAME)}`, { items: [{ fullName: NAME }] });
    await vault.pin(CASE_ID);
    await outbox.add({
      caseRef: CASE_ID,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE_ID },
      body: { text: NOTE, occurredAt: '2026-11-30T10:00:00+05:00', about: NAME },
      ifMatch: 3,
    });
    await outbox.add({
      caseRef: 'local:1a2b',
      path: '/v1/cases',
      pathParams: {},
      body: { detainee: { fullName: NAME, city: 'Алматы' }, source: { kind: 'relative' } },
    });
    expect((await vault.getAnswer(`/v1/cases/${CASE_ID}`))?.body).toMatchObject({ fullName: NAME });

    const { strings, bytes } = flatten(await rawRecords(factory, DB_NAME));
    expect(strings.length + bytes.length).toBeGreaterThan(10);
    const text = strings.join('\n');
    const latin1 = bytes.map((b) => Buffer.from(b).toString('latin1')).join('\n');
    for (const secret of [NAME, NOTE, 'Асанов', 'дубинкой', 'Алматы', PASSPHRASE]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(base64(secret));
      expect(text).not.toContain(encodeURIComponent(secret));
      expect(latin1).not.toContain(base64(secret));
      const utf8 = new Uint8Array(Buffer.from(secret, 'utf8'));
      for (const blob of bytes) expect(containsBytes(blob, utf8)).toBe(false);
    }
    // The check itself finds a plain value: the case id is allowed in clear and is there (the outbox's caseRef).
    expect(text).toContain(CASE_ID);
    // Nor the account id, which is sealed.
    expect(text).not.toContain(ACCOUNT);
  });

  it('refuses sealed reads once locked, and unlocks again with the passphrase', async () => {
    const { vault, outbox, clock } = await unlockedDevice();
    await vault.putAnswer(`/v1/cases/${CASE_ID}`, { fullName: NAME });
    await vault.markRefreshed(clock.now.toISOString());
    vault.lock();
    expect(vault.state()).toBe('locked');
    await expect(vault.getAnswer(`/v1/cases/${CASE_ID}`)).rejects.toBeInstanceOf(OfflineError);
    await expect(vault.getAnswer(`/v1/cases/${CASE_ID}`)).rejects.toMatchObject({ code: 'locked' });
    await expect(vault.putAnswer('/v1/x', {})).rejects.toMatchObject({ code: 'locked' });
    await expect(vault.pinned()).rejects.toMatchObject({ code: 'locked' });
    await expect(outbox.list()).rejects.toMatchObject({ code: 'locked' });
    expect(await vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    expect((await vault.getAnswer(`/v1/cases/${CASE_ID}`))?.body).toEqual({ fullName: NAME });
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const device = await unlockedDevice();
    await device.vault.putAnswer(`/v1/cases/${CASE_ID}`, { fullName: NAME });
    await device.vault.markRefreshed(device.clock.now.toISOString());
    device.vault.lock();
    const before = await rawRecords(device.factory, DB_NAME);
    expect(await device.vault.unlock('correct horse batter', ACCOUNT)).toBe('wrong-passphrase');
    expect(device.vault.state()).toBe('locked');
    await expect(device.vault.getAnswer(`/v1/cases/${CASE_ID}`)).rejects.toMatchObject({ code: 'locked' });
    expect(await rawRecords(device.factory, DB_NAME)).toEqual(before);
  });

  it('a new page (same database) starts locked and opens with the passphrase only', async () => {
    const first = await unlockedDevice();
    await first.vault.putAnswer('/v1/auth/session', { user: { id: ACCOUNT } });
    await first.vault.markRefreshed(first.clock.now.toISOString());
    const again = testDevice(first.factory, first.clock);
    expect(await again.vault.ready()).toBe('locked');
    expect(await again.vault.unlock('wrong', ACCOUNT)).toBe('wrong-passphrase');
    expect(await again.vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    expect((await again.vault.getAnswer('/v1/auth/session'))?.body).toEqual({ user: { id: ACCOUNT } });
  });

  it('belongs to one account: another account is refused even with the passphrase', async () => {
    const { vault } = await unlockedDevice();
    vault.lock();
    expect(await vault.unlock(PASSPHRASE, 'another-account')).toBe('other-account');
    expect(vault.state()).toBe('locked');
    expect(vault.accountId()).toBeNull();
  });

  it('opens without a known session (offline start) and then names its account', async () => {
    const { vault } = await unlockedDevice();
    expect(vault.accountId()).toBe(ACCOUNT);
    vault.lock();
    expect(vault.accountId()).toBeNull();
    expect(await vault.unlock('wrong', null)).toBe('wrong-passphrase');
    expect(await vault.unlock(PASSPHRASE, null)).toBe('unlocked');
    expect(vault.accountId()).toBe(ACCOUNT);
  });

  it('wipe deletes the database, outbox included, and leaves it absent', async () => {
    const device = await unlockedDevice();
    await device.outbox.add({
      caseRef: CASE_ID,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE_ID },
      body: {},
    });
    await device.vault.wipe();
    expect(device.vault.state()).toBe('absent');
    const names = (await device.factory.databases()).map((d) => d.name);
    expect(names).not.toContain(DB_NAME);
    await expect(device.vault.unlock(PASSPHRASE, ACCOUNT)).rejects.toMatchObject({ code: 'absent' });
    await device.vault.create('new one', ACCOUNT);
    expect(await device.outbox.count()).toBe(0);
  });

  it('keeps settings (1–30 days), pins and the refresh time sealed', async () => {
    const { vault } = await unlockedDevice();
    expect(await vault.settings()).toEqual({ maxOfflineAgeDays: 7 });
    await vault.setSettings({ maxOfflineAgeDays: 3 });
    expect(await vault.settings()).toEqual({ maxOfflineAgeDays: 3 });
    await expect(vault.setSettings({ maxOfflineAgeDays: 0 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(vault.setSettings({ maxOfflineAgeDays: 31 })).rejects.toMatchObject({ code: 'invalid' });
    await vault.pin('a');
    await vault.pin('b');
    await vault.pin('a');
    await vault.unpin('b');
    expect(await vault.pinned()).toEqual(['a']);
    expect(await vault.lastRefreshedAt()).toBeNull();
    await vault.markRefreshed('2026-12-01T05:00:00.000Z');
    expect(await vault.lastRefreshedAt()).toBe('2026-12-01T05:00:00.000Z');
  });

  it('drops the cached answers older than the max offline age on unlock, never the outbox', async () => {
    const device = await unlockedDevice();
    const { vault, outbox, clock } = device;
    await vault.setSettings({ maxOfflineAgeDays: 2 });
    await vault.putAnswer(`/v1/cases/${CASE_ID}`, { fullName: NAME });
    await vault.markRefreshed(clock.now.toISOString());
    await outbox.add({
      caseRef: CASE_ID,
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: CASE_ID },
      body: { text: NOTE },
    });
    vault.lock();

    clock.now = new Date(clock.now.getTime() + 1 * 86_400_000);
    expect(await vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    expect(vault.droppedStaleCache()).toBe(false);
    expect(await vault.getAnswer(`/v1/cases/${CASE_ID}`)).not.toBeNull();
    vault.lock();

    clock.now = new Date(clock.now.getTime() + 2 * 86_400_000);
    expect(await vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    expect(vault.droppedStaleCache()).toBe(true);
    expect(await vault.getAnswer(`/v1/cases/${CASE_ID}`)).toBeNull();
    expect((await outbox.list()).map((e) => e.body)).toEqual([{ text: NOTE }]);
  });

  it('does not answer with an answer older than the max age even before the next unlock', async () => {
    const { vault, clock } = await unlockedDevice();
    await vault.putAnswer('/v1/users', { items: [] });
    clock.now = new Date(clock.now.getTime() + 8 * 86_400_000);
    expect(await vault.getAnswer('/v1/users')).toBeNull();
  });

  it('finds an answer whatever the order of its query, and keeps only what retainAnswers accepts', async () => {
    const { vault } = await unlockedDevice();
    await vault.putAnswer('/v1/cases?lawyerId=a&page=2', { page: 2 });
    expect((await vault.getAnswer('/v1/cases?page=2&lawyerId=a'))?.body).toEqual({ page: 2 });
    await vault.putAnswer(`/v1/cases/${CASE_ID}`, { v: 1 });
    expect(await vault.retainAnswers((url) => url.startsWith('/v1/cases/'))).toBe(1);
    expect(await vault.getAnswer('/v1/cases?lawyerId=a&page=2')).toBeNull();
    expect(await vault.getAnswer(`/v1/cases/${CASE_ID}`)).not.toBeNull();
  });

  it('derives with 600,000 PBKDF2 iterations by default and stores the count beside the salt', async () => {
    const factory = new IDBFactory();
    const { vault } = openOffline({ indexedDB: factory });
    await vault.create(PASSPHRASE, ACCOUNT);
    const header = (await rawRecords(factory, DB_NAME)).find(
      (record): record is { iterations: number; salt: Uint8Array } =>
        typeof record === 'object' && record !== null && 'iterations' in record,
    );
    expect(header?.iterations).toBe(600_000);
    expect(header?.salt.byteLength).toBe(16);
    expect(header?.iterations).not.toBe(TEST_ITERATIONS);
    vault.lock();
    expect(await vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
  });
});
