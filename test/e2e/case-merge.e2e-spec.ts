import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { STORED_EVENT_STORE } from '@casetrack/event-store';
import { LOGGER } from '../../apps/api/src/common/logger.provider';
import { PG_POOL } from '../../apps/api/src/infrastructure/infrastructure.module';
import { MergeRecovery } from '../../apps/api/src/cases/lifecycle/merge-recovery';
import { Merges } from '../../apps/api/src/cases/lifecycle/merges';
import type { CaseCommandOutcome } from '../../apps/api/src/cases/write/command-outcome';
import { ExecuteCaseCommand } from '../../apps/api/src/cases/write/execute-case-command';
import { feedShows } from '../event-store/helpers';
import { CaseSession } from '../support/case-session';
import { createUser, type TestApp, type TestUser } from '../support/test-app';
import { EventsTable, expectError, post } from '../support/e2e';

type Body = Record<string, unknown>;

/**
 * Issue 12, item 4 (merge): `POST /v1/cases/:caseId/merge` closes a duplicate with `mergedInto`, its spellings join
 * the survivor's, lists leave it out; the merge is an intent on the duplicate completed on the survivor, and a
 * write stopped between the two appends is completed by the recovery, exactly once.
 */
describe('merging a duplicate case', () => {
  let session: CaseSession;
  let t: TestApp;
  let events: EventsTable;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    session = await CaseSession.start();
    ({ t, events } = session);
    [coordinator, lawyer, auditor] = await Promise.all(
      (['coordinator', 'lawyer', 'auditor'] as const).map((role) => createUser(t.http, role)),
    );
  });

  afterAll(() => session.close());

  async function open(fullName: string, nameVariants: string[] = [], city = 'Almaty'): Promise<string> {
    const body = { detainee: { fullName, nameVariants, city }, source: { kind: 'relative' } };
    return (await session.write(coordinator, '/v1/cases', body)).body.caseId as string;
  }

  const read = (path: string) => session.read(coordinator, path);

  const merge = (caseId: string, intoCaseId: string, token = coordinator.token) =>
    post(t.http, token, `/v1/cases/${caseId}/merge`, { intoCaseId, reason: 'the same man, entered in Cyrillic' });

  async function absorptionsOf(caseId: string): Promise<Body[]> {
    return (await events.ofCase(caseId)).filter((e) => e.type === 'DuplicateMerged').map((e) => e.data);
  }

  it('closes the duplicate with mergedInto, joins its spellings to the survivor, and lists only the survivor', async () => {
    const survivor = await open('Nurlan Mergeable');
    const duplicate = await open('Нурлан Мергеабл', ['Nurlan Mergeabl']);
    await session.write(coordinator, `/v1/cases/${duplicate}/merge`, {
      intoCaseId: survivor,
      reason: 'the same man, entered in Cyrillic',
    });

    const stored = await events.ofCase(duplicate);
    expect(stored.at(-1)?.type).toBe('MergeRequested');
    expect(stored.at(-1)?.data).toEqual({ intoCaseId: survivor, reason: 'the same man, entered in Cyrillic' });
    // The reason is typed words: sealed at rest.
    expect(JSON.stringify(await events.storedOfCase(duplicate))).not.toContain('Cyrillic');
    // Completed before the answer: the survivor knows.
    expect(await absorptionsOf(survivor)).toEqual([
      { duplicateCaseId: duplicate, nameVariants: ['Нурлан Мергеабл', 'Nurlan Mergeabl'] },
    ]);

    const detail = await read(`/v1/cases/${duplicate}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ mergedInto: survivor, closed: true });

    const list = await read('/v1/cases?q=Mergeable');
    expect(list.status).toBe(200);
    const listed = (list.body.items as Body[]).map((item) => item.caseId);
    expect(listed).toContain(survivor);
    expect(listed).not.toContain(duplicate);
  });

  it('leaves the duplicate out of the statistics and of the possible duplicates of a case opened later', async () => {
    const survivor = await open('Marat Counted', [], 'Zhanaozen');
    const duplicate = await open('Марат Каунтед', [], 'Zhanaozen');
    const before = await read('/v1/stats');
    expect(before.body.byCity).toContainEqual({ city: 'Zhanaozen', count: 2 });
    await session.write(coordinator, `/v1/cases/${duplicate}/merge`, { intoCaseId: survivor, reason: 'same man' });

    const after = await read('/v1/stats');
    expect(after.body.byCity).toContainEqual({ city: 'Zhanaozen', count: 1 });
    const again = await session.write(coordinator, '/v1/cases', {
      detainee: { fullName: 'Марат Каунтед', city: 'Zhanaozen' },
      source: { kind: 'relative' },
    });
    const found = (again.body.possibleDuplicates as Body[]).map((d) => d.caseId);
    expect(found).not.toContain(duplicate);
  });

  it("takes the duplicate's hearings and complaints out of the calendar and the complaint list", async () => {
    const survivor = await open('Daulet Calendared');
    const duplicate = await open('Даулет Календаред');
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const hearing = await session.write(coordinator, `/v1/cases/${duplicate}/hearings`, {
      kind: 'preventive_measure',
      court: 'Almaly district court',
      scheduledAt: inAWeek,
    });
    const complaint = await session.write(coordinator, `/v1/cases/${duplicate}/complaints`, {
      filedWith: 'prosecutor',
    });
    const listed = async (path: string, id: string, key: string): Promise<boolean> =>
      ((await read(path)).body.items as Body[]).some((item) => item[key] === id);
    expect(await listed('/v1/hearings', hearing.body.hearingId as string, 'hearingId')).toBe(true);
    expect(await listed('/v1/complaints', complaint.body.complaintId as string, 'complaintId')).toBe(true);

    await session.write(coordinator, `/v1/cases/${duplicate}/merge`, { intoCaseId: survivor, reason: 'same man' });

    expect(await listed('/v1/hearings', hearing.body.hearingId as string, 'hearingId')).toBe(false);
    expect(await listed('/v1/complaints', complaint.body.complaintId as string, 'complaintId')).toBe(false);
    // The duplicate's own page still finds what it holds.
    const own = `/v1/complaints?caseId=${duplicate}`;
    expect(await listed(own, complaint.body.complaintId as string, 'complaintId')).toBe(true);
  });

  it('refuses a merge into itself, into a missing case (404), into a merged case, and of a merged case', async () => {
    const survivor = await open('Serik Refusable');
    const duplicate = await open('Serik Refusabl');
    const third = await open('Serik Refusable Third');
    expectError(await merge(duplicate, duplicate), 422, 'MERGE_INTO_ITSELF');
    expectError(await merge(duplicate, randomUUID()), 404, 'MERGE_TARGET_NOT_FOUND');
    expect((await merge(duplicate, survivor)).status).toBe(201);
    expectError(await merge(third, duplicate), 422, 'MERGE_TARGET_MERGED');
    expectError(await merge(duplicate, third), 422, 'CASE_MERGED');
    expectError(
      await post(t.http, coordinator.token, `/v1/cases/${duplicate}/notes`, { text: 'x' }),
      422,
      'CASE_MERGED',
    );
    expect(await absorptionsOf(survivor)).toHaveLength(1);
    expect(await absorptionsOf(third)).toHaveLength(0);
  });

  it('is for coordinators only', async () => {
    const survivor = await open('Aliya Guarded');
    const duplicate = await open('Aliya Guardd');
    expectError(await merge(duplicate, survivor, lawyer.token), 403, 'FORBIDDEN');
    expectError(await merge(duplicate, survivor, auditor.token), 403, 'FORBIDDEN');
    expect((await events.ofCase(duplicate)).map((e) => e.type)).not.toContain('MergeRequested');
  });

  /** The first append alone, as a writer that dies right after it leaves it: the intent without its absorption. */
  async function recordIntentOnly(duplicate: string, survivor: string, reason: string): Promise<number> {
    const outcome = await t.app.get(CommandBus).execute<ExecuteCaseCommand, CaseCommandOutcome>(
      new ExecuteCaseCommand(
        duplicate,
        {
          type: 'MergeCase',
          intoCaseId: survivor,
          reason,
          ownCaseId: duplicate,
          intoCaseVisible: true,
          intoCaseMerged: false,
        },
        {
          actor: { id: coordinator.id, role: 'coordinator' },
          occurredAt: null,
          occurredAtPrecision: 'exact',
          correlationId: randomUUID(),
          idempotencyKey: null,
          expectedVersion: null,
          eventIds: () => randomUUID(),
        },
      ),
    );
    if (outcome.kind !== 'appended') throw new Error(`the intent was not recorded: ${outcome.kind}`);
    return outcome.position;
  }

  it('completes, exactly once, a merge whose writer stopped between the two appends', async () => {
    const survivor = await open('Bolat Interrupted');
    const duplicate = await open('Болат Интерраптед');
    const position = await recordIntentOnly(duplicate, survivor, 'stopped halfway');
    // Recovery finds intents through the feed, which holds events back while other test files keep transactions open.
    await feedShows(t.app.get(STORED_EVENT_STORE), position);
    expect(await absorptionsOf(survivor)).toEqual([]);

    // Twice: a pass already under way when the intent was appended may have read the feed before it.
    await t.app.get(MergeRecovery).runOnce();
    await t.app.get(MergeRecovery).runOnce();
    expect(await absorptionsOf(survivor)).toEqual([
      { duplicateCaseId: duplicate, nameVariants: ['Болат Интерраптед'] },
    ]);

    // Completing it again, from the recovery or another process, appends nothing.
    await expect(t.app.get(Merges).complete(duplicate)).resolves.toMatchObject({ done: true });
    await Promise.all([t.app.get(Merges).complete(duplicate), t.app.get(Merges).complete(duplicate)]);
    expect(await absorptionsOf(survivor)).toHaveLength(1);
  });

  it('a process started after the intent was projected finds it in the read models and completes it', async () => {
    const survivor = await open('Daulet Restarted');
    const duplicate = await open('Даулет Рестартед');
    const position = await recordIntentOnly(duplicate, survivor, 'stopped before a restart');
    const projected = await request(t.http)
      .get(`/v1/cases/${duplicate}`)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(position));
    expect(projected.body.mergedInto).toBe(survivor);

    // A new process: its first pass starts at the read models' checkpoint and never reads the feed before it.
    const restarted = new MergeRecovery(
      t.app.get(Merges),
      t.app.get(STORED_EVENT_STORE),
      t.app.get(PG_POOL),
      t.app.get(LOGGER),
    );
    await restarted.runOnce();
    expect(await absorptionsOf(survivor)).toEqual([{ duplicateCaseId: duplicate, nameVariants: ['Даулет Рестартед'] }]);
  });
});
