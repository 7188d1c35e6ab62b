import type { CaseEvent } from '@casetrack/domain';
import { loadRuleSets, ReminderProjection, reminderProjectionHook } from '@casetrack/reminders';
import { applyRules } from '../../apps/cli/src/rules/apply-rules';
import { CaseWriter, openFixture, projector, projectUntil, type ProjectionFixture } from '../read-model/helpers';

const rules = { hearingOffsetsMs: [3_600_000], measureOffsetsMs: [86_400_000], escalationAfterMs: 3_600_000 };
const HOUR = 3_600_000;
const LAWYER = '11111111-1111-4111-8111-111111111111';

const opened = (fullName: string): CaseEvent => ({
  type: 'CaseOpened',
  data: {
    detainee: { fullName, nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
    source: { kind: 'ngo' },
  },
});

describe('casetrack-cli apply-rules: every open case under a rule set adopted after its facts', () => {
  let f: ProjectionFixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.close());

  it('derives the deadlines and reminders of open cases, leaves closed ones without, and appends nothing', async () => {
    const detainedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + HOUR).toISOString();
    const open = new CaseWriter(f.store, Date.now() - 60_000);
    await open.append(opened('Open Case'), { type: 'LawyerAssigned', data: { lawyerId: LAWYER, role: 'lead' } });
    await open.appendAt(detainedAt, { type: 'DetentionRecorded', data: { authority: 'police' } });
    const closed = new CaseWriter(f.store, Date.now() - 60_000);
    await closed.append(opened('Closed Case'));
    await closed.appendAt(detainedAt, { type: 'DetentionRecorded', data: { authority: 'police' } });
    await closed.append({ type: 'CaseClosed', data: { reason: 'duplicate' } });
    // Projected while the deployment had no rule set.
    const last = Math.max(open.lastPosition, closed.lastPosition);
    await projectUntil(projector(f, { batchHooks: [reminderProjectionHook(rules, [])] }), f.store, last);
    const count = async (table: string): Promise<number> =>
      Number((await f.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    expect(await count('case_deadlines')).toBe(0);
    const events = await count('events');

    const done: number[] = [];
    const result = await applyRules(f.pool, f.store, new ReminderProjection(rules, loadRuleSets(['kz'])), {
      batchSize: 1,
      onBatch: (n) => done.push(n),
    });
    expect(result).toEqual({ cases: 1 });
    expect(done).toEqual([1]);
    const { rows } = await f.pool.query<{ case_id: string; rule_id: string }>(
      `SELECT case_id, rule_id FROM case_deadlines ORDER BY rule_id`,
    );
    expect(rows).toEqual([
      { case_id: open.caseId, rule_id: 'kz.detention.court-decision-48h' },
      { case_id: open.caseId, rule_id: 'kz.detention.court-decision-72h' },
    ]);
    const reminders = await f.pool.query<{ recipient_user_id: string; state: string }>(
      `SELECT recipient_user_id, state FROM reminders WHERE kind = 'rule_deadline'`,
    );
    expect(reminders.rows).toEqual([
      { recipient_user_id: LAWYER, state: 'pending' },
      { recipient_user_id: LAWYER, state: 'pending' },
    ]);
    expect(await count('events')).toBe(events);

    // Run again: the same rows, nothing more.
    await applyRules(f.pool, f.store, new ReminderProjection(rules, loadRuleSets(['kz'])));
    expect(await count('case_deadlines')).toBe(2);
    expect(await count(`reminders WHERE kind = 'rule_deadline'`)).toBe(2);
  });
});
