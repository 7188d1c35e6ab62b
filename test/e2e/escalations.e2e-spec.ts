import { CaseSession } from '../support/case-session';
import { expectError, expectValidation, get, openCaseBody } from '../support/e2e';
import { ADMIN, createUser, login, type TestUser } from '../support/test-app';

interface Item {
  caseId: string;
  fullName: string;
  city: string | null;
  reason: string;
  since: string;
}

describe('GET /v1/escalations: the coordinators’ queue', () => {
  let s: CaseSession;
  let coordinator: TestUser;
  let auditor: TestUser;
  let lawyer: TestUser;
  const at = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const cases: Record<string, string> = {};
  const missingAt = at(9);
  const arrestedAt = at(7);

  async function open(name: string, city = 'Almaty'): Promise<string> {
    return (await s.write(coordinator, '/v1/cases', openCaseBody(name, city))).body.caseId as string;
  }

  beforeAll(async () => {
    s = await CaseSession.start();
    coordinator = await createUser(s.t.http, 'coordinator');
    auditor = await createUser(s.t.http, 'auditor');
    lawyer = await createUser(s.t.http, 'lawyer');

    cases.missing = await open('Missing Person', 'Taraz');
    await s.write(coordinator, `/v1/cases/${cases.missing}/whereabouts-unknown`, { occurredAt: missingAt });

    cases.noLawyer = await open('Held Without Lawyer');
    await s.write(coordinator, `/v1/cases/${cases.noLawyer}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: at(5),
    });

    // Detained, then a lawyer assigned: waits for nobody.
    cases.withLawyer = await open('Held With Lawyer');
    await s.write(coordinator, `/v1/cases/${cases.withLawyer}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: at(4),
    });
    await s.write(coordinator, `/v1/cases/${cases.withLawyer}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });

    // A 3-day administrative arrest 7 days ago: the term ended 4 days ago, no release recorded (and no lawyer).
    cases.term = await open('Arrest Term Ended');
    await s.write(coordinator, `/v1/cases/${cases.term}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: at(7),
    });
    await s.write(coordinator, `/v1/cases/${cases.term}/administrative-sanctions`, {
      kind: 'arrest',
      days: 3,
      occurredAt: arrestedAt,
    });

    // Missing, then closed; and missing, then merged: neither is in the queue.
    cases.closed = await open('Closed Missing');
    await s.write(coordinator, `/v1/cases/${cases.closed}/whereabouts-unknown`, { occurredAt: at(8) });
    await s.write(coordinator, `/v1/cases/${cases.closed}/close`, { reason: 'found by relatives' });
    cases.merged = await open('Merged Missing');
    await s.write(coordinator, `/v1/cases/${cases.merged}/whereabouts-unknown`, { occurredAt: at(8) });
    await s.write(coordinator, `/v1/cases/${cases.merged}/merge`, { intoCaseId: cases.missing, reason: 'same' });

    // Released: nothing waits.
    cases.released = await open('Released Person');
    await s.write(coordinator, `/v1/cases/${cases.released}/release`, { grounds: 'other', occurredAt: at(1) });
  });
  afterAll(async () => {
    await s.close();
  });

  it('lists each waiting case and reason, oldest first, paged like the case list', async () => {
    const response = await s.read(coordinator, '/v1/escalations');
    expect(response.status).toBe(200);
    const items = response.body.items as Item[];
    const term = items.filter((i) => i.caseId === cases.term);
    expect(term.map((i) => i.reason).sort()).toEqual(['no_lawyer', 'term_ended']);
    expect(items.map((i) => [i.caseId, i.reason])).toEqual([
      [cases.missing, 'unlocated'],
      [cases.term, 'no_lawyer'],
      [cases.noLawyer, 'no_lawyer'],
      [cases.term, 'term_ended'],
    ]);
    expect(items[0]).toEqual({
      caseId: cases.missing,
      fullName: 'Missing Person',
      city: 'Taraz',
      reason: 'unlocated',
      since: missingAt,
    });
    expect(items[3].since).toBe(new Date(Date.parse(arrestedAt) + 3 * 86_400_000).toISOString());
    expect(response.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });

    const second = await s.read(coordinator, '/v1/escalations?page=2&pageSize=3');
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect((second.body.items as Item[]).map((i) => i.reason)).toEqual(['term_ended']);
    const onlyMissing = await s.read(coordinator, '/v1/escalations?reason=unlocated');
    expect((onlyMissing.body.items as Item[]).map((i) => i.caseId)).toEqual([cases.missing]);
  });

  it('leaves a case once what it waited for is recorded', async () => {
    await s.write(coordinator, `/v1/cases/${cases.noLawyer}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });
    await s.write(coordinator, `/v1/cases/${cases.missing}/transfers`, {
      facility: { code: 'SI-18', city: 'Almaty', kind: 'pretrial_detention' },
    });
    const items = (await s.read(coordinator, '/v1/escalations')).body.items as Item[];
    expect(items.map((i) => i.caseId)).not.toContain(cases.noLawyer);
    expect(items.filter((i) => i.caseId === cases.missing).map((i) => i.reason)).toEqual(['no_lawyer']);
  });

  it('auditors read it; lawyers and admins are refused; bad parameters are 400', async () => {
    expect((await s.read(auditor, '/v1/escalations')).status).toBe(200);
    expectError(await get(s.t.http, lawyer.token, '/v1/escalations'), 403, 'FORBIDDEN');
    const adminToken = await login(s.t.http, ADMIN.email, ADMIN.password);
    expectError(await get(s.t.http, adminToken, '/v1/escalations'), 403, 'FORBIDDEN');
    expectError(await get(s.t.http, null, '/v1/escalations'), 401, 'UNAUTHENTICATED');
    expectValidation(await get(s.t.http, coordinator.token, '/v1/escalations?reason=lost'), 'reason');
    expectValidation(await get(s.t.http, coordinator.token, '/v1/escalations?pageSize=101'), 'pageSize');
    expectValidation(await get(s.t.http, coordinator.token, '/v1/escalations?city=Almaty'), 'city');
  });
});
