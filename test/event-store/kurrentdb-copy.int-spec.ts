import { Pool } from 'pg';
import type { RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { verifyStreamChain } from '../../libs/event-store/src/hash-chain';
import { PostgresEventStore } from '../../libs/event-store/src/postgres';
import { CopyCheckpoints } from '../../apps/cli/src/copy/copy-checkpoints';
import { copyEvents, runsOfOneStream } from '../../apps/cli/src/copy/copy-events';
import type { CopyTarget } from '../../apps/cli/src/copy/copy-target';
import { verifyCopy } from '../../apps/cli/src/copy/copy-verification';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { followFeedUntil, newEvent, newEvents, sleep, uniqueStream } from './helpers';

/**
 * Stands in for KurrentDB, which cannot run here, with the semantics of KurrentDbEventStore.replicate: whatever
 * it already holds of a write must be identical (then it is skipped), the rest must continue the stream exactly.
 * The source is the real PostgreSQL store.
 */
class MemoryTarget implements CopyTarget {
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly writes: RecordedEvent[] = [];
  /** Once this many events are written, the next write throws, like a process killed in the middle of a batch. */
  crashAfter: number | null = null;

  async replicate(streamId: string, events: readonly RecordedEvent[]): Promise<'written' | 'present'> {
    if (this.crashAfter !== null && this.writes.length >= this.crashAfter) throw new Error('killed');
    const stream = this.streams.get(streamId) ?? [];
    const first = events[0].version;
    const held = stream.slice(first - 1, first - 1 + events.length);
    held.forEach((stored, i) => {
      if (stored.eventId !== events[i].eventId || stored.metadata.hash !== events[i].metadata.hash) {
        throw new Error(`${streamId} v${stored.version} differs`);
      }
    });
    const rest = events.slice(held.length);
    if (rest.length === 0) return 'present';
    if (stream.length !== rest[0].version - 1) throw new Error(`${streamId} is not at version ${rest[0].version - 1}`);
    for (const event of rest) stream.push(structuredClone(event));
    this.streams.set(streamId, stream);
    this.writes.push(...rest);
    return 'written';
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return structuredClone(this.streams.get(streamId) ?? []);
  }

  async close(): Promise<void> {}
}

describe('event-store:copy (PostgreSQL to a KurrentDB stand-in)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let source: PostgresEventStore;
  const streams: string[] = [];

  /**
   * The PostgreSQL feed holds events back while any transaction in the cluster is open (other test files run in
   * parallel); the copy, like the projector, only ever copies what the feed delivers, so wait until it delivers all.
   */
  async function feedHolds(ids: string[]): Promise<void> {
    const mine = new Set(ids);
    let expected = 0;
    for (const id of ids) expected += (await source.readStream(id)).length;
    await followFeedUntil(source, 0, (d) => d.filter((e) => mine.has(e.streamId)).length === expected);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new Pool({ connectionString: db.url, max: 4 });
    source = new PostgresEventStore(pool);
    // Interleaved streams, multi-event appends, and a pause so that recordedAt differs between appends.
    for (let i = 0; i < 6; i += 1) streams.push(uniqueStream('case'));
    for (let round = 0; round < 4; round += 1) {
      for (const [i, streamId] of streams.entries()) {
        const events = (round + i) % 3 === 0 ? newEvents(3) : [newEvent('TestHappened', { round, i })];
        await source.append(streamId, events, round === 0 ? 'no_stream' : 'any');
      }
      await sleep(5);
    }
    await feedHolds(streams);
  });

  afterAll(async () => {
    await source?.close();
    await pool?.end();
    await db?.drop();
  });

  async function feedOrder(): Promise<RecordedEvent[]> {
    const { events } = await source.readAll({ after: 0, limit: 10_000 });
    return events;
  }

  it('copies every event in feed order, preserving ids, versions, both times and hashes, and verifies', async () => {
    const target = new MemoryTarget();
    const result = await copyEvents(source, target, new CopyCheckpoints(pool, 'full'), { batchSize: 7 });

    const feed = await feedOrder();
    expect(target.writes.map((e) => e.eventId)).toEqual(feed.map((e) => e.eventId));
    expect(result).toMatchObject({ copied: feed.length, written: feed.length, present: 0 });
    expect(result.sourcePosition).toBe(feed[feed.length - 1].position);
    for (const streamId of streams) {
      const original = await source.readStream(streamId);
      const copy = await target.readStream(streamId);
      expect(copy.map(({ position: _p, ...rest }) => rest)).toEqual(original.map(({ position: _p, ...rest }) => rest));
      expect(verifyStreamChain(copy)).toBeNull();
    }
    const report = await verifyCopy(pool, target);
    expect(report).toEqual({ streams: streams.length, events: feed.length, mismatches: [] });
  });

  it('resumes after an interruption from the last saved batch without writing anything twice', async () => {
    const target = new MemoryTarget();
    const checkpoints = new CopyCheckpoints(pool, 'interrupted');
    target.crashAfter = 17;
    await expect(copyEvents(source, target, checkpoints, { batchSize: 5 })).rejects.toThrow('killed');
    const saved = await checkpoints.load();
    expect(saved.copied).toBeGreaterThan(0);
    expect(saved.copied % 5).toBe(0);
    const writtenBefore = target.writes.length;
    expect(writtenBefore).toBeGreaterThan(saved.copied);

    target.crashAfter = null;
    const resumed = await copyEvents(source, target, checkpoints, { batchSize: 5 });
    const feed = await feedOrder();
    expect(resumed.copied).toBe(feed.length);
    // The part of the interrupted batch that had reached the target is found there, not written again.
    expect(resumed.present).toBe(writtenBefore - saved.copied);
    expect(target.writes.map((e) => e.eventId)).toEqual(feed.map((e) => e.eventId));
    expect((await verifyCopy(pool, target)).mismatches).toEqual([]);

    // Nothing new in the source: a third run reads nothing and writes nothing.
    const again = await copyEvents(source, target, checkpoints, { batchSize: 5 });
    expect(again).toMatchObject({ copied: feed.length, written: 0, present: 0 });
  });

  it('picks up events appended to the source after an earlier run', async () => {
    const target = new MemoryTarget();
    const checkpoints = new CopyCheckpoints(pool, 'live');
    await copyEvents(source, target, checkpoints);
    const late = uniqueStream('case');
    await source.append(late, newEvents(2), 'no_stream');
    await feedHolds([late]);
    const result = await copyEvents(source, target, checkpoints);
    expect(result.written).toBe(2);
    expect((await target.readStream(late)).map((e) => e.version)).toEqual([1, 2]);
    expect((await verifyCopy(pool, target)).mismatches).toEqual([]);
  });

  it('reports streams whose copy is missing, short or altered', async () => {
    const target = new MemoryTarget();
    await copyEvents(source, target, new CopyCheckpoints(pool, 'tampered'));
    const [missing, short, altered] = streams;
    target.streams.delete(missing);
    target.streams.get(short)?.pop();
    const events = target.streams.get(altered) as RecordedEvent[];
    events[0] = { ...events[0], data: { forged: true } };

    const { mismatches } = await verifyCopy(pool, target);
    const byStream = new Map(mismatches.map((m) => [m.streamId, m.problem]));
    expect(byStream.get(missing)).toBe('missing in the target');
    expect(byStream.get(short)).toMatch(/target is at version/);
    expect(byStream.get(altered)).toMatch(/chain broken at version 1: hash_mismatch/);
  });

  it('groups consecutive events of one stream into one write', () => {
    const [a, b] = [uniqueStream(), uniqueStream()];
    const event = (streamId: string, version: number): RecordedEvent =>
      ({ streamId, version }) as unknown as RecordedEvent;
    const runs = runsOfOneStream([event(a, 1), event(a, 2), event(b, 1), event(a, 3)]);
    expect(runs.map((run) => run.map((e) => `${e.streamId === a ? 'a' : 'b'}${e.version}`))).toEqual([
      ['a1', 'a2'],
      ['b1'],
      ['a3'],
    ]);
  });
});
