import { afterOffset } from '@casetrack/domain';
import { CaseSession } from '../support/case-session';
import { openCaseBody } from '../support/e2e';
import { createUser, type TestUser } from '../support/test-app';

interface Deadline {
  ruleSetId: string;
  ruleId: string;
  fact: string;
  from: string;
  dueAt: string;
  precision: string;
  remind: string;
  name: { en: string; ru: string; kk: string };
  source: { article: string; title: string; url: string; confirmedBy?: string };
  overdue: boolean;
}

interface Item {
  caseId: string;
  reason: string;
  since: string;
  deadline?: Deadline;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** RULE_SETS=kz: the case page lists a case's deadlines by law, and the queue shows those the coordinators watch. */
describe('deadlines by the rules of Kazakhstan: the case page and the escalation queue', () => {
  let s: CaseSession;
  let coordinator: TestUser;
  // Whole seconds: the deadlines are compared as the API prints them.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const iso = (ms: number): string => new Date(ms).toISOString();

  async function detainedCase(name: string, hoursAgo: number): Promise<string> {
    const caseId = (await s.write(coordinator, '/v1/cases', openCaseBody(name))).body.caseId as string;
    await s.write(coordinator, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: iso(now - hoursAgo * HOUR),
    });
    return caseId;
  }

  async function ruleItems(): Promise<Item[]> {
    const response = await s.read(coordinator, '/v1/escalations?reason=rule_deadline&pageSize=100');
    expect(response.status).toBe(200);
    return response.body.items as Item[];
  }

  beforeAll(async () => {
    s = await CaseSession.start({ RULE_SETS: 'kz' });
    coordinator = await createUser(s.t.http, 'coordinator');
  });

  afterAll(() => s.close());

  it('a detention 80 hours ago with no court decision: both court deadlines on the case page, overdue, with their sources; the queue holds it as held 72 hours', async () => {
    const caseId = await detainedCase('Held Eighty Hours', 80);
    const detail = await s.read(coordinator, `/v1/cases/${caseId}`);
    expect(detail.status).toBe(200);
    const deadlines = detail.body.deadlines as Deadline[];
    expect(deadlines.map((d) => [d.ruleId, d.dueAt, d.remind, d.overdue, d.precision])).toEqual([
      ['kz.detention.court-decision-48h', iso(now - 32 * HOUR), 'lawyers', true, 'exact'],
      ['kz.detention.court-decision-72h', iso(now - 8 * HOUR), 'coordinators', true, 'exact'],
    ]);
    expect(deadlines[1]).toMatchObject({
      ruleSetId: 'kz',
      fact: 'detention',
      from: iso(now - 80 * HOUR),
      name: { en: 'Held 72 hours without a court decision', ru: '72 часа под стражей без решения суда' },
      source: {
        article: 'Criminal Procedure Code, art. 131 part 4',
        url: 'https://adilet.zan.kz/eng/docs/K1400000231',
      },
    });

    const items = (await ruleItems()).filter((item) => item.caseId === caseId);
    expect(items.map((item) => [item.reason, item.since, item.deadline?.ruleId])).toEqual([
      ['rule_deadline', iso(now - 8 * HOUR), 'kz.detention.court-decision-72h'],
    ]);

    // A court decides: the deadlines are settled and the case leaves the queue.
    await s.write(coordinator, `/v1/cases/${caseId}/preventive-measures`, {
      measure: 'pretrial_detention',
      until: iso(now + 30 * DAY),
      occurredAt: iso(now - 2 * HOUR),
    });
    expect((await ruleItems()).filter((item) => item.caseId === caseId)).toEqual([]);
    const after = (await s.read(coordinator, `/v1/cases/${caseId}`)).body.deadlines as Deadline[];
    // A 30-day term: the extension request a day before its end, and the two months from the detention.
    expect(after.map((d) => [d.ruleId, d.dueAt, d.overdue])).toEqual([
      ['kz.pretrial-detention.extension-request', iso(now + 29 * DAY), false],
      ['kz.pretrial-detention.two-months', iso(afterOffset(now - 80 * HOUR, { months: 2 })), false],
    ]);
  });

  it('a detention 10 hours ago is not in the queue yet; its deadlines are ahead, on the case page and in the dossier', async () => {
    const caseId = await detainedCase('Held Ten Hours', 10);
    expect((await ruleItems()).filter((item) => item.caseId === caseId)).toEqual([]);
    const deadlines = (await s.read(coordinator, `/v1/cases/${caseId}`)).body.deadlines as Deadline[];
    expect(deadlines.map((d) => [d.ruleId, d.overdue])).toEqual([
      ['kz.detention.court-decision-48h', false],
      ['kz.detention.court-decision-72h', false],
    ]);
    const dossier = await s.read(coordinator, `/v1/cases/${caseId}/dossier?format=json`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.deadlines).toEqual(deadlines);
  });

  it("the lawyer's agenda lists the deadlines they are reminded of, passed ones too, and not the coordinators'", async () => {
    const lawyer = await createUser(s.t.http, 'lawyer', 'agenda-lawyer');
    const soon = await detainedCase('Held Ten Hours Agenda', 10);
    const passed = await detainedCase('Held Sixty Hours Agenda', 60);
    for (const caseId of [soon, passed]) {
      await s.write(coordinator, `/v1/cases/${caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });
    }
    const response = await s.read(lawyer, '/v1/agenda?days=7');
    expect(response.status).toBe(200);
    const items = (response.body.items as Array<{ kind: string; at: string; caseId: string; deadline?: Deadline }>)
      .filter((item) => item.kind === 'deadline')
      .map((item) => [item.caseId, item.at, item.deadline?.ruleId, item.deadline?.overdue]);
    expect(items).toEqual([
      [passed, iso(now - 12 * HOUR), 'kz.detention.court-decision-48h', true],
      [soon, iso(now + 38 * HOUR), 'kz.detention.court-decision-48h', false],
    ]);
  });

  it('an administrative arrest whose term ended waits as term_ended, not twice', async () => {
    const caseId = await detainedCase('Arrest Ended', 24 * 7);
    await s.write(coordinator, `/v1/cases/${caseId}/administrative-sanctions`, {
      kind: 'arrest',
      days: 3,
      occurredAt: iso(now - 6 * DAY),
    });
    const response = await s.read(coordinator, `/v1/escalations?pageSize=100`);
    const reasons = (response.body.items as Item[]).filter((item) => item.caseId === caseId).map((i) => i.reason);
    expect(reasons.sort()).toEqual(['no_lawyer', 'term_ended']);
    const deadlines = (await s.read(coordinator, `/v1/cases/${caseId}`)).body.deadlines as Deadline[];
    expect(deadlines.map((d) => [d.ruleId, d.dueAt, d.overdue])).toEqual([
      ['kz.administrative-arrest.release', iso(now - 3 * DAY), true],
    ]);
  });
});

/** RULE_SETS unset: the default, rules/international.json, and its one rule, the Human Rights Committee's 48 hours. */
describe('deadlines by the default rule set (international): the 48 hours to a judge', () => {
  let s: CaseSession;
  let coordinator: TestUser;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const iso = (ms: number): string => new Date(ms).toISOString();

  beforeAll(async () => {
    s = await CaseSession.start();
    coordinator = await createUser(s.t.http, 'coordinator');
  });

  afterAll(() => s.close());

  it('a detention 50 hours ago with no court decision: overdue on the case page with its source, on the lawyer’s agenda, not in the coordinators’ queue; a transfer to a pre-trial facility settles it', async () => {
    const lawyer = await createUser(s.t.http, 'lawyer', 'international-lawyer');
    const caseId = (await s.write(coordinator, '/v1/cases', openCaseBody('Held Fifty Hours'))).body.caseId as string;
    await s.write(coordinator, `/v1/cases/${caseId}/detention`, {
      city: 'Almaty',
      place: 'Republic Square',
      authority: 'police',
      occurredAt: iso(now - 50 * HOUR),
    });
    await s.write(coordinator, `/v1/cases/${caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' });

    const deadlines = (await s.read(coordinator, `/v1/cases/${caseId}`)).body.deadlines as Deadline[];
    expect(deadlines.map((d) => [d.ruleSetId, d.ruleId, d.dueAt, d.remind, d.overdue])).toEqual([
      ['international', 'international.detention.judge-48h', iso(now - 2 * HOUR), 'lawyers', true],
    ]);
    expect(deadlines[0].source).toMatchObject({
      url: 'https://undocs.org/CCPR/C/132/D/3105/2018',
      confirmedBy: 'https://atlas-of-torture.org/en/entity/4drd9dcziwo?page=7',
    });

    const agenda = await s.read(lawyer, '/v1/agenda?days=7');
    const items = (agenda.body.items as Array<{ kind: string; caseId: string; deadline?: Deadline }>)
      .filter((item) => item.kind === 'deadline' && item.caseId === caseId)
      .map((item) => item.deadline?.ruleId);
    expect(items).toEqual(['international.detention.judge-48h']);
    const queue = await s.read(coordinator, '/v1/escalations?reason=rule_deadline&pageSize=100');
    expect((queue.body.items as Item[]).filter((item) => item.caseId === caseId)).toEqual([]);

    await s.write(coordinator, `/v1/cases/${caseId}/transfers`, {
      facility: { code: 'LA-155/18', name: 'SIZO 18', city: 'Almaty', kind: 'pretrial_detention' },
    });
    expect((await s.read(coordinator, `/v1/cases/${caseId}`)).body.deadlines).toEqual([]);
  });
});
