import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../api/client';
import { ConsoleState } from '../../api/console-state';
import { Submission } from '../../api/submission';
import { isQueued, sendWrite } from '../../api/write';
import { syncOutbox } from '../index';
import { type TestDevice, unlockedDevice } from '../test-support';
import { setOfflineDeviceForTests } from './device';
import { keepInOutbox } from './queue';
import { changeHref, discardReplaced } from './replace';

const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';
const OTHER = '6f1c1f0e-1111-4a4a-8a8a-000000000002';

function detention(caseId: string, place: string, ifMatch: number) {
  return {
    path: '/v1/cases/{caseId}/detention',
    pathParams: { caseId },
    body: { authority: 'police', place, occurredAt: '2026-11-25T08:00:00.000Z', occurredAtPrecision: 'exact' },
    ifMatch,
  } as const;
}

const noNetwork = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

/** Keeps a write offline on the device the console uses, then syncs it against a server answering 412. */
async function heldEntry(device: TestDevice, caseId: string, place: string): Promise<string> {
  const outcome = await sendWrite(
    createApiClient(new ConsoleState(), noNetwork),
    new Submission(),
    detention(caseId, place, 3),
    { keep: keepInOutbox },
  );
  if (!isQueued(outcome)) throw new Error('not kept');
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  await syncOutbox(device.outbox, async () => ({
    kind: 'answer',
    status: 412,
    body: { statusCode: 412, code: 'VERSION_MISMATCH', details: [{ expectedVersion: 3, actualVersion: 5 }] },
  }));
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  return outcome.queued.id;
}

/** A device with an unlocked vault, the one the console's own code (keepInOutbox, discardReplaced) uses; offline. */
async function freshDevice(): Promise<TestDevice> {
  const device = await unlockedDevice();
  setOfflineDeviceForTests(device);
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
  return device;
}

afterEach(() => {
  setOfflineDeviceForTests(null);
  vi.restoreAllMocks();
});

describe('"Change" on a held entry (issue 18)', () => {
  it('leads to its form on its case page, naming the entry it replaces', () => {
    const href = changeHref({ id: 'held-1', path: '/v1/cases/{caseId}/detention', pathParams: { caseId: CASE } });
    expect(href).toBe(`/cases/${CASE}?form=detention&replaces=held-1`);
    expect(changeHref({ id: 'x', path: '/v1/cases', pathParams: {} })).toBeNull();
  });

  it('is one step: the fact entered anew and kept offline replaces the held entry, which is discarded', async () => {
    const device = await freshDevice();
    const heldId = await heldEntry(device, CASE, 'ИВС №1');
    expect((await device.outbox.list()).map((e) => [e.id, e.state])).toEqual([[heldId, 'held']]);

    const again = await sendWrite(
      createApiClient(new ConsoleState(), noNetwork),
      new Submission(),
      detention(CASE, 'ИВС №2', 5),
      { keep: keepInOutbox },
    );
    expect(isQueued(again)).toBe(true);
    expect(await discardReplaced(heldId, CASE)).toBe(true);

    const left = await device.outbox.list();
    expect(left.map((e) => e.state)).toEqual(['pending']);
    expect(left[0]?.id).not.toBe(heldId);
    expect(left[0]?.body).toMatchObject({ place: 'ИВС №2' });
  });

  it('never discards a pending entry, nor an entry of another case named in the URL', async () => {
    const device = await freshDevice();
    const heldElsewhere = await heldEntry(device, OTHER, 'ИВС №1');
    const pending = await sendWrite(
      createApiClient(new ConsoleState(), noNetwork),
      new Submission(),
      detention(CASE, 'ИВС №3', 5),
      { keep: keepInOutbox },
    );
    if (!isQueued(pending)) throw new Error('not kept');

    expect(await discardReplaced(pending.queued.id, CASE)).toBe(false);
    expect(await discardReplaced(heldElsewhere, CASE)).toBe(false);
    expect((await device.outbox.list()).map((e) => e.id).sort()).toEqual([heldElsewhere, pending.queued.id].sort());
  });

  it('discards nothing while the vault is locked (the entries are sealed)', async () => {
    const device = await freshDevice();
    const heldId = await heldEntry(device, CASE, 'ИВС №1');
    device.vault.lock();
    expect(await discardReplaced(heldId, CASE)).toBe(false);
  });
});
