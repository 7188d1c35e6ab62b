import type { CaseEvent, RuleSet } from '@casetrack/domain';
import { loadRuleSets, reminderProjectionHook } from '@casetrack/reminders';
import { CaseWriter, openFixture, projector, projectUntil, type ProjectionFixture } from '../read-model/helpers';

const rules = { hearingOffsetsMs: [3_600_000], measureOffsetsMs: [86_400_000], escalationAfterMs: 3_600_000 };
const HOUR = 3_600_000;
const LAWYER = '11111111-1111-4111-8111-111111111111';

async function deadlines(f: ProjectionFixture): Promise<Array<[string, string, string]>> {
  const { rows } = await f.pool.query<{ rule_id: string; remind: string; due_at: Date }>(
    `SELECT rule_id, remind, due_at FROM case_deadlines ORDER BY due_at, rule_id`,
  );
  return rows.map((row) => [row.rule_id, row.remind, row.due_at.toISOString()]);
}

async function ruleReminders(f: ProjectionFixture): Promise<Array<[string, string]>> {
  const { rows } = await f.pool.query<{ due_at: Date; state: string }>(
    `SELECT due_at, state FROM reminders WHERE kind = 'rule_deadline' ORDER BY due_at, state`,
  );
  return rows.map((row) => [row.due_at.toISOString(), row.state]);
}

describe('case deadlines kept by the projector (RULE_SETS=kz)', () => {
  let f: ProjectionFixture;
  const [kz] = loadRuleSets(['kz']);
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.close());

  it('follow the folded state, and a changed rule set changes them on the next projection without touching events', async () => {
    const writer = new CaseWriter(f.store, Date.now() - 60_000);
    const detainedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + HOUR);
    const opened: CaseEvent = {
      type: 'CaseOpened',
      data: {
        detainee: { fullName: 'Rule Case', nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
        source: { kind: 'ngo' },
      },
    };
    await writer.append(opened, { type: 'LawyerAssigned', data: { lawyerId: LAWYER, role: 'lead' } });
    await writer.appendAt(detainedAt.toISOString(), { type: 'DetentionRecorded', data: { authority: 'police' } });
    const at = (hours: number) => new Date(detainedAt.getTime() + hours * HOUR).toISOString();
    await projectUntil(
      projector(f, { batchHooks: [reminderProjectionHook(rules, [kz])] }),
      f.store,
      writer.lastPosition,
    );
    expect(await deadlines(f)).toEqual([
      ['kz.detention.court-decision-48h', 'lawyers', at(48)],
      ['kz.detention.court-decision-72h', 'coordinators', at(72)],
    ]);
    const { rows: before } = await f.pool.query(`SELECT count(*)::int AS n FROM events`);

    expect(await ruleReminders(f)).toEqual([
      [at(24), 'pending'],
      [at(48), 'pending'],
    ]);

    // The same events, projected again under a rule set whose first limit is 36 hours.
    const changed: RuleSet = {
      ...kz,
      version: 'changed',
      rules: kz.rules.map((rule) =>
        rule.id === 'kz.detention.court-decision-48h' ? { ...rule, deadline: { offset: { hours: 36 } } } : rule,
      ),
    };
    await f.pool.query(`UPDATE read_model.checkpoint SET position = 0`);
    await projectUntil(
      projector(f, { batchHooks: [reminderProjectionHook(rules, [changed])] }),
      f.store,
      writer.lastPosition,
    );
    expect(await deadlines(f)).toEqual([
      ['kz.detention.court-decision-48h', 'lawyers', at(36)],
      ['kz.detention.court-decision-72h', 'coordinators', at(72)],
    ]);
    // The lawyer's reminders moved with it: those for 48 hours are cancelled, those for 36 hours wait.
    expect(await ruleReminders(f)).toEqual([
      [at(12), 'pending'],
      [at(24), 'cancelled'],
      [at(36), 'pending'],
      [at(48), 'cancelled'],
    ]);
    const { rows: after } = await f.pool.query(`SELECT count(*)::int AS n FROM events`);
    expect(after).toEqual(before);
  });
});
