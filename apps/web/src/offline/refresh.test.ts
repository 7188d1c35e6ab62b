import { describe, expect, it } from 'vitest';
import { caseloadUrl, refreshOfflineSet } from './refresh';
import { unlockedDevice } from './test-support';

const LAWYER = '11111111-0000-4000-8000-000000000001';
const ids = Array.from({ length: 103 }, (_, i) => `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`);
const PINNED = 'dddddddd-0000-4000-8000-000000000001';

/** The API as the refresh reads it: 103 cases in the caseload (two pages), one pinned case besides. */
function api(refuse: (url: string) => boolean = () => false) {
  const asked: string[] = [];
  const fetchJson = async (url: string): Promise<unknown> => {
    asked.push(url);
    if (refuse(url)) throw new Error('HTTP 403');
    const parsed = new URL(url, 'http://x');
    if (parsed.pathname === '/v1/auth/session') {
      return { user: { id: LAWYER }, csrf: { header: 'X-CSRF-Token', token: 't' } };
    }
    if (parsed.pathname === '/v1/users') return { items: [{ id: LAWYER, name: 'L' }] };
    if (parsed.pathname === '/v1/cases') {
      const page = Number(parsed.searchParams.get('page'));
      const size = Number(parsed.searchParams.get('pageSize'));
      expect(parsed.searchParams.get('lawyerId')).toBe(LAWYER);
      const items = ids.slice((page - 1) * size, page * size).map((caseId) => ({ caseId }));
      return { items, total: ids.length, page, pageSize: size, totalIsEstimate: false };
    }
    const match = /^\/v1\/cases\/([^/]+)(\/timeline)?$/.exec(parsed.pathname);
    if (match !== null) return match[2] ? { events: [{ caseId: match[1] }] } : { caseId: match[1], version: 1 };
    throw new Error(`unexpected ${url}`);
  };
  return { asked, fetchJson };
}

describe('refreshOfflineSet', () => {
  it('keeps the session without CSRF, the users lists, every caseload page, and each case detail and timeline', async () => {
    const { vault, clock } = await unlockedDevice();
    await vault.pin(PINNED);
    const { asked, fetchJson } = api();
    const report = await refreshOfflineSet(fetchJson, vault, LAWYER, { now: () => clock.now });
    expect(report).toEqual({ cases: 104, failed: [] });
    expect(asked.filter((u) => u.startsWith('/v1/cases?'))).toHaveLength(2);
    expect((await vault.getAnswer('/v1/auth/session'))?.body).toEqual({ user: { id: LAWYER } });
    expect(await vault.getAnswer('/v1/users?role=lawyer')).not.toBeNull();
    const caseload = (await vault.getAnswer(caseloadUrl(LAWYER)))?.body as { items: unknown[]; total: number };
    expect(caseload.items).toHaveLength(103);
    expect(caseload.total).toBe(103);
    expect((await vault.getAnswer(`/v1/cases/${ids[102]}`))?.body).toEqual({ caseId: ids[102], version: 1 });
    expect(await vault.getAnswer(`/v1/cases/${PINNED}/timeline`)).not.toBeNull();
    expect(await vault.lastRefreshedAt()).toBe(clock.now.toISOString());
  });

  it('drops the answers of cases no longer in the set once the set was read whole', async () => {
    const { vault, clock } = await unlockedDevice();
    const gone = 'eeeeeeee-0000-4000-8000-000000000001';
    await vault.putAnswer(`/v1/cases/${gone}`, { caseId: gone });
    await vault.putAnswer('/v1/cases?lawyerId=someone-else', { items: [] });
    await refreshOfflineSet(api().fetchJson, vault, null, { now: () => clock.now, alsoKeep: ['local:x'] });
    expect(await vault.getAnswer(`/v1/cases/${gone}`)).toBeNull();
    expect(await vault.getAnswer('/v1/cases?lawyerId=someone-else')).toBeNull();

    await vault.putAnswer(`/v1/cases/${gone}`, { caseId: gone });
    await vault.putAnswer(`/v1/cases?lawyerId=${LAWYER}&page=1&pageSize=20`, { items: [] });
    await refreshOfflineSet(api().fetchJson, vault, LAWYER, { now: () => clock.now, alsoKeep: [gone] });
    expect(await vault.getAnswer(`/v1/cases/${gone}`)).not.toBeNull();
    expect(await vault.getAnswer(`/v1/cases?lawyerId=${LAWYER}&page=1&pageSize=20`)).not.toBeNull();
  });

  it('does not mark the set refreshed, nor drop anything, when a case read failed; a refused users list is fine', async () => {
    const { vault, clock } = await unlockedDevice();
    const kept = 'eeeeeeee-0000-4000-8000-000000000002';
    await vault.putAnswer(`/v1/cases/${kept}`, { caseId: kept });
    const failing = api((url) => url === `/v1/cases/${ids[5]}/timeline`);
    const report = await refreshOfflineSet(failing.fetchJson, vault, LAWYER, { now: () => clock.now });
    expect(report.failed).toEqual([`/v1/cases/${ids[5]}/timeline`]);
    expect(await vault.lastRefreshedAt()).toBeNull();
    expect(await vault.getAnswer(`/v1/cases/${kept}`)).not.toBeNull();

    const auditorLike = api((url) => url.startsWith('/v1/users'));
    const second = await refreshOfflineSet(auditorLike.fetchJson, vault, LAWYER, { now: () => clock.now });
    expect(second.failed).toEqual(['/v1/users', '/v1/users']);
    expect(await vault.lastRefreshedAt()).toBe(clock.now.toISOString());
  });
});
