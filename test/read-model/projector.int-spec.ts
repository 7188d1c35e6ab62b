import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@casetrack/domain';
import { CaseProjector, createShadowSchema, LagProbe, readCheckpoint, type WriteStage } from '@casetrack/read-model';
import {
  CaseWriter,
  caseRow,
  childRows,
  dumpSchema,
  openFixture,
  projector,
  projectUntil,
  type ProjectionFixture,
} from './helpers';
import { feedShows } from '../event-store/helpers';

/** A short, realistic story for one case, different per case so batches mix many kinds of rows. */
function story(n: number): CaseEvent[] {
  const hearingId = randomUUID();
  const complaintId = randomUUID();
  const chargeId = randomUUID();
  const events: CaseEvent[] = [
    {
      type: 'CaseOpened',
      data: {
        detainee: {
          fullName: `Detainee ${n}`,
          nameVariants: [],
          sex: 'unknown',
          city: n % 2 ? 'Almaty' : 'Taraz',
          vulnerabilities: [],
        },
        source: { kind: 'ngo' },
      },
    },
    { type: 'DetentionRecorded', data: { city: 'Almaty', place: 'square', authority: 'police' } },
    { type: 'ChargeBrought', data: { chargeId, code: 'criminal', article: String(270 + (n % 5)) } },
    {
      type: 'HearingScheduled',
      data: { hearingId, kind: 'preventive_measure', court: 'District court', scheduledAt: '2030-01-10T05:00:00.000Z' },
    },
    {
      type: 'ComplaintFiled',
      data: { complaintId, filedWith: 'prosecutor', responseDueAt: '2022-02-01T00:00:00.000Z' },
    },
  ];
  if (n % 3 === 0) events.push({ type: 'Released', data: { grounds: 'amnesty' } });
  if (n % 4 === 0) events.push({ type: 'HearingCancelled', data: { hearingId, reason: 'moved' } });
  return events;
}

/** Writes `cases` stories, interleaving the cases' events so that every feed batch touches many cases. */
async function writeStories(f: ProjectionFixture, cases: number): Promise<CaseWriter[]> {
  const writers = Array.from({ length: cases }, () => new CaseWriter(f.store));
  const stories = writers.map((_, i) => story(i));
  const longest = Math.max(...stories.map((s) => s.length));
  for (let step = 0; step < longest; step++) {
    await Promise.all(writers.map((w, i) => (stories[i][step] ? w.append(stories[i][step]) : Promise.resolve([]))));
  }
  return writers;
}

function lastPosition(writers: CaseWriter[]): number {
  return Math.max(...writers.map((w) => w.lastPosition));
}

async function fullProjection(f: ProjectionFixture, schema: string, upTo: number): Promise<Record<string, unknown[]>> {
  await createShadowSchema(f.pool, schema);
  await projectUntil(projector(f, { schema }), f.store, upTo);
  return dumpSchema(f.pool, schema);
}

describe('projector: crash safety, idempotence, rebuild', () => {
  let f: ProjectionFixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(() => f.close());

  it('a projector killed in the middle of a batch and restarted ends equal to a fresh full projection', async () => {
    const writers = await writeStories(f, 30);
    const target = lastPosition(writers);

    let batches = 0;
    const failOnThirdBatch = (stage: WriteStage): void => {
      if (stage === 'cases') batches += 1;
      // Cases of the third batch are written, its hearings and complaints not yet: the crash lands between two statements.
      if (batches === 3 && stage === 'cases') throw new Error('killed');
    };
    const doomed = projector(f, { batchSize: 40, afterStage: failOnThirdBatch });
    await expect(projectUntil(doomed, f.store, target)).rejects.toThrow('killed');
    const stopped = await readCheckpoint(f.pool, 'read_model');
    expect(stopped).toBeGreaterThan(0);
    // Exactly two batches committed, and nothing of the third.
    const { rows } = await f.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM read_model.cases`);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(await f.store.isAtOrBefore(target, stopped)).toBe(false);

    await projectUntil(projector(f, { batchSize: 40 }), f.store, target);
    const resumed = await dumpSchema(f.pool, 'read_model');
    expect(resumed).toEqual(await fullProjection(f, 'rebuild_check', target));
    expect(resumed.cases).toHaveLength(30);
  });

  it('a failed batch leaves no trace and the same projector retries it', async () => {
    const writers = await writeStories(f, 5);
    let fail = true;
    const p = projector(f, {
      afterStage: (stage) => {
        if (fail && stage === 'checkpoint') throw new Error('commit lost');
      },
    });
    await feedShows(f.store, lastPosition(writers));
    await expect(p.catchUp()).rejects.toThrow('commit lost');
    expect(await readCheckpoint(f.pool, 'read_model')).toBe(0);
    expect(await caseRow(f.pool, writers[0].caseId)).toBeUndefined();
    fail = false;
    await projectUntil(p, f.store, lastPosition(writers));
    expect(await caseRow(f.pool, writers[0].caseId)).toMatchObject({ full_name: 'Detainee 0' });
  });

  it('is idempotent: the same batch applied twice gives the same rows', async () => {
    const writers = await writeStories(f, 10);
    const p = projector(f);
    await projectUntil(p, f.store, lastPosition(writers));
    const once = await dumpSchema(f.pool, 'read_model');
    const { events } = await f.store.readAll({ after: 0, limit: 10_000 });
    const again = new CaseProjector(f.pool, f.store);
    await again.catchUp(); // loads the stored checkpoint
    await again.applyBatch({ events, checkpoint: p.checkpoint });
    await again.applyBatch({ events, checkpoint: p.checkpoint });
    expect(await dumpSchema(f.pool, 'read_model')).toEqual(once);
  });

  it('live projection while writers write equals a rebuild from the events', async () => {
    const live = projector(f, { batchSize: 25, idleMs: 10, cacheSize: 7 });
    await live.start();
    try {
      const writers = await writeStories(f, 40);
      // Retractions and late news while the projector runs.
      await writers[1].append({
        type: 'FactRetracted',
        data: { eventId: randomUUID(), reason: 'unknown id is ignored' },
      });
      await writers[2].appendAt('2022-01-01T00:00:00.000Z', {
        type: 'DetentionRecorded',
        data: { city: 'Taraz', place: 'home', authority: 'police' },
      });
      const target = lastPosition(writers);
      const deadline = Date.now() + 20_000;
      while (!(live.checkpoint > 0 && (await f.store.isAtOrBefore(target, live.checkpoint)))) {
        if (Date.now() > deadline) throw new Error('live projector did not catch up');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await dumpSchema(f.pool, 'read_model')).toEqual(await fullProjection(f, 'rebuild_check', target));
    } finally {
      await live.stop();
    }
  });

  it('retractions remove the effect: a release and a hearing', async () => {
    const w = new CaseWriter(f.store);
    const hearingId = randomUUID();
    await w.append(...story(1));
    const [releasedId] = await w.append({ type: 'Released', data: { grounds: 'bail' } });
    const [scheduledId] = await w.append({
      type: 'HearingScheduled',
      data: { hearingId, kind: 'trial', court: 'City court', scheduledAt: '2030-04-01T05:00:00.000Z' },
    });
    const p = projector(f);
    await projectUntil(p, f.store, w.lastPosition);
    expect(await caseRow(f.pool, w.caseId)).toMatchObject({ status: 'released' });
    expect((await childRows(f.pool, 'hearings', w.caseId)).map((h) => h.hearing_id)).toContain(hearingId);

    await w.append(
      { type: 'FactRetracted', data: { eventId: releasedId, reason: 'wrong person' } },
      { type: 'FactRetracted', data: { eventId: scheduledId, reason: 'entered twice' } },
    );
    await projectUntil(p, f.store, w.lastPosition);
    expect(await caseRow(f.pool, w.caseId)).toMatchObject({ status: 'in_police_custody' });
    expect((await childRows(f.pool, 'hearings', w.caseId)).map((h) => h.hearing_id)).not.toContain(hearingId);
  });

  it('late news does not undo a later status: a detention recorded after the release', async () => {
    const w = new CaseWriter(f.store);
    await w.append(story(2)[0], { type: 'Released', data: { grounds: 'other' } });
    await w.appendAt('2022-01-01T00:00:00.000Z', {
      type: 'DetentionRecorded',
      data: { city: 'Almaty', place: 'street', authority: 'police' },
    });
    await projectUntil(projector(f), f.store, w.lastPosition);
    expect(await caseRow(f.pool, w.caseId)).toMatchObject({ status: 'released', version: 3 });
  });

  it('reports its lag in events and seconds, zero when caught up', async () => {
    const writers = await writeStories(f, 3);
    const probe = new LagProbe(f.pool);
    const before = await probe.measure();
    expect(before.checkpoint).toBe(0);
    expect(before.events).toBeGreaterThanOrEqual(15);
    expect(before.seconds).toBeGreaterThanOrEqual(0);
    await projectUntil(projector(f), f.store, lastPosition(writers));
    expect(await probe.measure()).toMatchObject({ events: 0, seconds: 0 });
  });

  it('reports the same lag through the feed, as it must for events kept outside this database', async () => {
    const table = new LagProbe(f.pool);
    const feed = new LagProbe(f.pool, { feed: f.store });
    const first = await writeStories(f, 2);
    await projectUntil(projector(f), f.store, lastPosition(first));
    expect(await feed.measure()).toMatchObject({ events: 0, seconds: 0 });

    await writeStories(f, 2);
    // The feed holds back events while any transaction in the cluster is open (other test files run in parallel);
    // the table count does not. Once those close, both count the same events.
    let [viaTable, viaFeed] = await Promise.all([table.measure(), feed.measure()]);
    for (const deadline = Date.now() + 10_000; viaFeed.events !== viaTable.events && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [viaTable, viaFeed] = await Promise.all([table.measure(), feed.measure()]);
    }
    expect(viaFeed.checkpoint).toBe(viaTable.checkpoint);
    expect(viaFeed.events).toBe(viaTable.events);
    expect(viaFeed.events).toBeGreaterThanOrEqual(10);
    expect(viaFeed.seconds).toBeGreaterThan(0);
  });

  it('two projectors on one schema never interleave batches: the second one notices and resumes from the stored checkpoint', async () => {
    const writers = await writeStories(f, 6);
    const first = projector(f, { batchSize: 5 });
    const second = projector(f, { batchSize: 5 });
    await feedShows(f.store, lastPosition(writers));
    await first.catchUp();
    await second.applyBatch(await f.store.readAll({ after: 0, limit: 5 })).then(
      () => {
        throw new Error('expected the checkpoint guard to refuse');
      },
      (error: Error) => expect(error.name).toBe('CheckpointMovedError'),
    );
    await projectUntil(second, f.store, lastPosition(writers));
    expect(await dumpSchema(f.pool, 'read_model')).toEqual(
      await fullProjection(f, 'rebuild_check', lastPosition(writers)),
    );
  });
});
