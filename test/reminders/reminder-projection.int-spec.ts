import type { CaseEvent } from '@casetrack/domain';
import { createShadowSchema } from '@casetrack/read-model';
import { reminderProjectionHook } from '@casetrack/reminders';
import { CaseWriter, openFixture, projector, projectUntil, type ProjectionFixture } from '../read-model/helpers';

const rules = {
  hearingOffsetsMs: [7_200_000, 3_600_000],
  measureOffsetsMs: [86_400_000],
  escalationAfterMs: 3_600_000,
};
const hooks = { batchHooks: [reminderProjectionHook(rules)] };

async function rows(f: ProjectionFixture): Promise<Array<Record<string, unknown>>> {
  const { rows } = await f.pool.query(`SELECT id, kind, recipient_user_id, due_at, state FROM reminders ORDER BY id`);
  return rows;
}

describe('reminder rows written by the projector', () => {
  let f: ProjectionFixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.close());

  it('commit with the checkpoint; a replay and a rebuild never duplicate or resend them', async () => {
    const writer = new CaseWriter(f.store, Date.now() - 60_000);
    const lawyer = '11111111-1111-4111-8111-111111111111';
    const hearingId = '22222222-2222-4222-8222-222222222222';
    const events: CaseEvent[] = [
      {
        type: 'CaseOpened',
        data: {
          detainee: { fullName: 'Replay Case', nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
          source: { kind: 'ngo' },
        },
      },
      { type: 'LawyerAssigned', data: { lawyerId: lawyer, role: 'lead' } },
      {
        type: 'HearingScheduled',
        data: {
          hearingId,
          kind: 'trial',
          court: 'City court',
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
    ];
    await writer.append(...events);
    const live = projector(f, hooks);
    await projectUntil(live, f.store, writer.lastPosition);
    const first = await rows(f);
    expect(first.map((r) => [r.kind, r.recipient_user_id, r.state])).toEqual([
      ['hearing', lawyer, 'pending'],
      ['hearing', lawyer, 'pending'],
    ]);

    // One was delivered; then the whole feed is replayed into the live schema from the start.
    await f.pool.query(`UPDATE reminders SET state = 'sent', sent_at = now() WHERE id = $1`, [first[0].id]);
    await f.pool.query(`UPDATE read_model.checkpoint SET position = 0`);
    await projectUntil(projector(f, hooks), f.store, writer.lastPosition);
    const replayed = await rows(f);
    expect(replayed.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(replayed.map((r) => r.state)).toEqual(['sent', 'pending']);

    // A rebuild into a shadow schema runs no hooks: the reminders are left as they are.
    await createShadowSchema(f.pool, 'read_model_rebuild');
    const shadow = projector(f, { ...hooks, schema: 'read_model_rebuild' });
    await f.pool.query(`DELETE FROM reminders WHERE state = 'pending'`);
    await projectUntil(shadow, f.store, writer.lastPosition);
    expect((await rows(f)).map((r) => r.state)).toEqual(['sent']);
  });
});
