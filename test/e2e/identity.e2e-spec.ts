import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { CaseSession } from '../support/case-session';
import { createUser, type TestUser } from '../support/test-app';
import { expectError, expectValidation, post } from '../support/e2e';

/**
 * Identities that grow (issue 12, item 4): corrections of who the person is and more spellings of the name, over
 * HTTP down to the stored event and back through the case, the list, search, duplicate detection and statistics.
 */
describe('identities that grow', () => {
  let session: CaseSession;
  let lead: TestUser;
  let coordinator: TestUser;
  /** A city of its own per test, so that no other test's cases are candidates or counted. */
  const freshCity = (): string => `Identity-${randomBytes(4).toString('hex')}`;
  const http = () => session.t.http;
  const read = (user: TestUser, path: string): Promise<Response> => session.read(user, path);
  const write = (caseId: string, path: string, body: Record<string, unknown>, user: TestUser = lead) =>
    session.write(user, `/v1/cases/${caseId}${path}`, body);

  async function openCase(fullName: string, city: string, user: TestUser = lead): Promise<Response> {
    const body = { detainee: { fullName, city, birthDate: '1988-02-03', sex: 'male' }, source: { kind: 'relative' } };
    return session.write(user, '/v1/cases', body);
  }

  beforeAll(async () => {
    session = await CaseSession.start();
    [lead, coordinator] = await Promise.all([createUser(http(), 'lawyer'), createUser(http(), 'coordinator')]);
  });

  afterAll(async () => {
    await session.close();
  });

  describe('POST /identity', () => {
    it('replaces the values given, keeps the others, and the history keeps both', async () => {
      const city = freshCity();
      const caseId = (await openCase('Arman Zholatov', city)).body.caseId as string;
      const before = new Date().toISOString();
      const answer = await write(caseId, '/identity', {
        fullName: 'Arman Serikuly Zholatov',
        birthYear: 1987,
        occupation: 'Oil worker',
        publicRoles: ['activist', 'blogger'],
        vulnerabilities: ['wounded'],
      });
      expect(answer.body).toMatchObject({ caseId, version: 3 });
      const stream = await session.events.ofCase(caseId);
      expect(stream[stream.length - 1]).toMatchObject({
        type: 'IdentityCorrected',
        data: { birthYear: 1987, publicRoles: ['activist', 'blogger'], vulnerabilities: ['wounded'] },
      });

      const detail = await read(lead, `/v1/cases/${caseId}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        fullName: 'Arman Serikuly Zholatov',
        nameVariants: ['Arman Zholatov'],
        city,
        birthDate: '1988-02-03',
        birthYear: 1987,
        sex: 'male',
        occupation: 'Oil worker',
        publicRoles: ['activist', 'blogger'],
        vulnerabilities: ['wounded'],
      });

      const history = await read(lead, `/v1/cases/${caseId}/history?asOf=${before}&axis=recorded`);
      expect(history.status).toBe(200);
      expect(JSON.stringify(history.body)).toContain('"fullName":"Arman Zholatov"');
      expect(JSON.stringify(history.body)).not.toContain('Oil worker');
      const timeline = await read(lead, `/v1/cases/${caseId}/timeline`);
      const types = (timeline.body.events as Array<{ type: string }>).map((e) => e.type);
      expect(types).toEqual(['CaseOpened', 'LawyerAssigned', 'IdentityCorrected']);
    });

    it('refuses an empty correction, an unknown role and a birth year to come', async () => {
      const caseId = (await openCase('Daulet Sadykov', freshCity())).body.caseId as string;
      const empty = await post(http(), lead.token, `/v1/cases/${caseId}/identity`, {});
      expectValidation(empty, 'fullName');
      expect(JSON.stringify(empty.body.details)).toContain('at least one of');
      expectValidation(
        await post(http(), lead.token, `/v1/cases/${caseId}/identity`, { publicRoles: ['spy'] }),
        'publicRoles',
      );
      const nextYear = new Date().getUTCFullYear() + 1;
      expectValidation(
        await post(http(), lead.token, `/v1/cases/${caseId}/identity`, { birthYear: nextYear }),
        'birthYear',
      );
      expectValidation(
        await post(http(), lead.token, `/v1/cases/${caseId}/identity`, { city: 'Aktau', nickname: 'x' }),
        'nickname',
      );
      expect(await session.events.ofCase(caseId)).toHaveLength(2);
    });

    it('refuses a correction of a closed case with its code', async () => {
      const caseId = (await openCase('Yerlan Tokayev', freshCity(), coordinator)).body.caseId as string;
      await post(http(), coordinator.token, `/v1/cases/${caseId}/close`, { reason: 'Work ended' });
      const refused = await post(http(), coordinator.token, `/v1/cases/${caseId}/identity`, { city: 'Aktau' });
      expectError(refused, 422, 'CASE_CLOSED');
    });
  });

  describe('POST /name-variants', () => {
    it('adds spellings that search and duplicate detection use', async () => {
      const city = freshCity();
      const caseId = (await openCase('Nurlan Hasenov', city)).body.caseId as string;
      await write(caseId, '/name-variants', { variants: ['Нурлан Хасенов', 'Nurlan Khassenov'] });

      const detail = await read(lead, `/v1/cases/${caseId}`);
      expect(detail.body.nameVariants).toEqual(['Нурлан Хасенов', 'Nurlan Khassenov']);
      const found = await read(lead, `/v1/cases?q=${encodeURIComponent('Khassenov')}&city=${city}`);
      expect((found.body.items as Array<{ caseId: string }>).map((item) => item.caseId)).toEqual([caseId]);

      // The variant is projected (the read above waited for it): a case opened under it names the first.
      const second = await openCase('Nurlan Khassenov', city, coordinator);
      const duplicates = second.body.possibleDuplicates as Array<{ caseId: string }>;
      expect(duplicates.map((d) => d.caseId)).toContain(caseId);
    });

    it('refuses an empty list', async () => {
      const caseId = (await openCase('Aigerim Ivanova', freshCity())).body.caseId as string;
      expectValidation(
        await post(http(), lead.token, `/v1/cases/${caseId}/name-variants`, { variants: [] }),
        'variants',
      );
    });
  });

  describe('public roles on the board and in the statistics', () => {
    it('are in the summary, filter the list and are counted by role', async () => {
      const city = freshCity();
      const journalist = (await openCase('Saule Bekova', city, coordinator)).body.caseId as string;
      const both = (await openCase('Marat Alimov', city, coordinator)).body.caseId as string;
      const none = (await openCase('Timur Kasymov', city, coordinator)).body.caseId as string;
      const correct = (caseId: string, publicRoles: string[]) =>
        write(caseId, '/identity', { publicRoles }, coordinator);
      await correct(journalist, ['journalist']);
      await correct(both, ['journalist', 'human_rights_defender']);

      const list = await read(coordinator, `/v1/cases?city=${city}&publicRole=journalist`);
      expect(list.status).toBe(200);
      const items = list.body.items as Array<{ caseId: string; publicRoles: string[] }>;
      expect(items.map((item) => item.caseId).sort()).toEqual([journalist, both].sort());
      expect(items.find((item) => item.caseId === both)?.publicRoles).toEqual(['journalist', 'human_rights_defender']);
      const all = await read(coordinator, `/v1/cases?city=${city}`);
      const unknown = (all.body.items as Array<{ caseId: string; publicRoles: string[] }>).find(
        (i) => i.caseId === none,
      );
      expect(unknown?.publicRoles).toEqual([]);
      expectValidation(await read(coordinator, '/v1/cases?publicRole=spy'), 'publicRole');

      // The lawyer sees only their own cases (none of these): the statistics are the coordinator's.
      const stats = await read(coordinator, '/v1/stats');
      const byRole = stats.body.byPublicRole as Array<{ publicRole: string; count: number }>;
      expect(byRole.find((r) => r.publicRole === 'journalist')?.count).toBeGreaterThanOrEqual(2);
      expect(byRole.find((r) => r.publicRole === 'human_rights_defender')?.count).toBeGreaterThanOrEqual(1);
      expect(byRole.every((r) => r.publicRole !== 'unknown')).toBe(true);
      const mine = await read(lead, '/v1/stats');
      expect(mine.body.byPublicRole).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ publicRole: 'human_rights_defender' })]),
      );
    });
  });
});
