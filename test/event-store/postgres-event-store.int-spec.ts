import { Client, Pool } from 'pg';
import { ConcurrencyError, DuplicateEventError, type RecordedEvent } from '../../libs/event-store/src/event-store.port';
import { verifyStreamChain } from '../../libs/event-store/src/hash-chain';
import { PostgresEventStore } from '../../libs/event-store/src/postgres';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventStoreContract } from './event-store.contract';
import { drainFeed, followFeedUntil, newEvent, newEvents, sleep, uniqueStream } from './helpers';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.drop();
});

// Enough connections for the 32 racing writers to reach the database at once.
eventStoreContract('PostgresEventStore', async () => new PostgresEventStore(db.url, { poolSize: 34 }));

describe('PostgresEventStore (PostgreSQL specifics)', () => {
  let store: PostgresEventStore;
  let pool: Pool;
  const clients: Client[] = [];

  beforeAll(() => {
    pool = new Pool({ connectionString: db.url, max: 4 });
    store = new PostgresEventStore(pool);
  });

  afterEach(async () => {
    // A test that failed half-way must not leave a transaction open: it would hold the feed back for everyone.
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
  });

  async function openTransactionWithEarlyXid(): Promise<{ client: Client; xid: bigint }> {
    const client = new Client({ connectionString: db.url });
    clients.push(client);
    await client.connect();
    await client.query('BEGIN');
    // Taking the transaction id now is what a transaction that wrote something else first would have done.
    const { rows } = await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    return { client, xid: BigInt(rows[0].xid) };
  }

  async function transactionIdOf(position: number): Promise<bigint> {
    const { rows } = await pool.query<{ xid: string }>(
      'SELECT transaction_id::text AS xid FROM events WHERE position = $1',
      [position],
    );
    return BigInt(rows[0].xid);
  }

  it('stores the row exactly as the event reports it', async () => {
    const streamId = uniqueStream();
    const { events } = await store.append(streamId, newEvents(2), 'no_stream');
    const { rows } = await pool.query<{
      recorded_at: Date;
      prev_hash: string;
      hash: string;
      transaction_id: string;
      metadata: { recordedAt: string };
    }>(
      'SELECT recorded_at, prev_hash, hash, transaction_id::text, metadata FROM events WHERE stream_id = $1 ORDER BY version',
      [streamId],
    );
    rows.forEach((row, i) => {
      expect(row.recorded_at.toISOString()).toBe(events[i].metadata.recordedAt);
      expect(row.metadata.recordedAt).toBe(events[i].metadata.recordedAt);
      expect(row.prev_hash).toBe(events[i].metadata.prevHash);
      expect(row.hash).toBe(events[i].metadata.hash);
    });
    // One statement, one transaction.
    expect(rows[0].transaction_id).toBe(rows[1].transaction_id);
  });

  it('never lets the feed pass a transaction that is still open, then delivers everything once and in order', async () => {
    const { checkpoint: start } = await drainFeed(store, 0);
    const { client, xid } = await openTransactionWithEarlyXid();

    const laterStreams = Array.from({ length: 5 }, () => uniqueStream('later'));
    const later: RecordedEvent[] = [];
    for (const streamId of laterStreams)
      later.push(...(await store.append(streamId, [newEvent()], 'no_stream')).events);
    const lateSet = new Set(laterStreams);

    // While the early transaction is open, nothing that sorts after it may be delivered.
    const early: RecordedEvent[] = [];
    let checkpoint = start;
    for (let poll = 0; poll < 5; poll += 1) {
      const batch = await store.readAll({ after: checkpoint, limit: 100 });
      early.push(...batch.events);
      checkpoint = batch.checkpoint;
      await sleep(30);
    }
    expect(early.filter((e) => lateSet.has(e.streamId))).toEqual([]);
    for (const event of early) expect(await transactionIdOf(event.position)).toBeLessThan(xid);

    const openStream = uniqueStream('open');
    const [held] = (await store.appendWithin(client, openStream, [newEvent()], 'no_stream')).events;
    await client.query('COMMIT');
    // Ordering by position alone would already have delivered the later events and then skipped this one.
    expect(held.position).toBeGreaterThan(Math.max(...later.map((e) => e.position)));

    const mine = new Set([openStream, ...laterStreams]);
    const rest = await followFeedUntil(store, checkpoint, (d) => d.filter((e) => mine.has(e.streamId)).length === 6);
    const delivered = [...early, ...rest.events];
    const positions = delivered.map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(delivered.filter((e) => mine.has(e.streamId)).map((e) => e.eventId)).toEqual([
      held.eventId,
      ...later.map((e) => e.eventId),
    ]);
  });

  it('keeps stream order when a transaction that took its xid early appends the next version', async () => {
    const { checkpoint: start } = await drainFeed(store, 0);
    const { client, xid } = await openTransactionWithEarlyXid();
    const streamId = uniqueStream();

    const [v1] = (await store.append(streamId, [newEvent()], 'no_stream')).events;
    const [v2] = (await store.appendWithin(client, streamId, [newEvent()], 1)).events;
    await client.query('COMMIT');

    const v1Xid = await transactionIdOf(v1.position);
    expect(xid).toBeLessThan(v1Xid);
    // GREATEST(own xid, previous version's) lifts v2 to v1's transaction id, so it cannot sort before v1.
    expect(await transactionIdOf(v2.position)).toBe(v1Xid);

    const { events } = await followFeedUntil(
      store,
      start,
      (d) => d.filter((e) => e.streamId === streamId).length === 2,
    );
    expect(events.filter((e) => e.streamId === streamId).map((e) => e.version)).toEqual([1, 2]);
    expect(await store.isAtOrBefore(v1.position, v2.position)).toBe(true);
    expect(await store.isAtOrBefore(v2.position, v1.position)).toBe(false);
  });

  it('forgets an append whose caller rolled back', async () => {
    const streamId = uniqueStream();
    const { client } = await openTransactionWithEarlyXid();
    await store.appendWithin(client, streamId, newEvents(2), 'no_stream');
    await client.query('ROLLBACK');

    expect(await store.streamVersion(streamId)).toBe(0);
    await store.append(streamId, [newEvent()], 'no_stream');
    await store.append(streamId, [newEvent()], 1);
    expect(verifyStreamChain(await store.readStream(streamId))).toBeNull();
  });

  it("appends 'any' twice within one caller transaction", async () => {
    const streamId = uniqueStream();
    await store.append(streamId, [newEvent()], 'no_stream');
    const { client } = await openTransactionWithEarlyXid();
    await store.appendWithin(client, streamId, [newEvent()], 'any');
    expect((await store.appendWithin(client, streamId, [newEvent()], 'any')).version).toBe(3);
    await client.query('COMMIT');
    expect(verifyStreamChain(await store.readStream(streamId))).toBeNull();
  });

  it('reports a conflict inside the caller transaction', async () => {
    const streamId = uniqueStream();
    await store.append(streamId, [newEvent()], 'no_stream');
    const { client } = await openTransactionWithEarlyXid();
    await expect(store.appendWithin(client, streamId, [newEvent()], 'no_stream')).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    await client.query('ROLLBACK');
  });

  it('rejects an unknown checkpoint instead of reporting a quiet feed', async () => {
    await expect(store.readAll({ after: 9_000_000_000, limit: 10 })).rejects.toThrow(/not the position of any event/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even for a superuser in replica mode', async () => {
    const streamId = uniqueStream();
    await store.append(streamId, [newEvent()], 'no_stream');
    const denied = { code: '42501' };

    await expect(
      pool.query('UPDATE events SET type = $1 WHERE stream_id = $2', ['Forged', streamId]),
    ).rejects.toMatchObject(denied);
    await expect(pool.query('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toMatchObject(denied);
    await expect(pool.query('TRUNCATE events')).rejects.toMatchObject(denied);

    const client = new Client({ connectionString: db.url });
    clients.push(client);
    await client.connect();
    await client.query('SET session_replication_role = replica');
    await expect(client.query('DELETE FROM events WHERE stream_id = $1', [streamId])).rejects.toMatchObject(denied);

    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it('lets the hash chain expose a row changed behind the trigger', async () => {
    const streamId = uniqueStream();
    await store.append(streamId, newEvents(3), 'no_stream');
    const client = new Client({ connectionString: db.url });
    clients.push(client);
    await client.connect();
    await client.query('BEGIN');
    await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
    await client.query(`UPDATE events SET data = '{"n": 42}' WHERE stream_id = $1 AND version = 2`, [streamId]);
    await client.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
    await client.query('COMMIT');

    expect(verifyStreamChain(await store.readStream(streamId))).toMatchObject({ version: 2, reason: 'hash_mismatch' });
  });

  it('wakes a subscription through NOTIFY long before its idle period', async () => {
    const notifying = new PostgresEventStore(db.url, { poolSize: 4, notify: true });
    try {
      const { checkpoint: from } = await drainFeed(notifying, 0);
      const streamId = uniqueStream();
      let delivered = false;
      const subscription = notifying.subscribe(
        async (batch) => {
          if (batch.events.some((e) => e.streamId === streamId)) delivered = true;
        },
        { from, idleMs: 120_000 },
      );
      await sleep(200); // let it find the feed empty and go to sleep
      const started = Date.now();
      // Each append notifies; a few in a row cover a wake-up that met a transaction still open elsewhere.
      for (let version = 0; !delivered && Date.now() - started < 10_000; version += 1) {
        await notifying.append(streamId, [newEvent()], version === 0 ? 'no_stream' : version);
        await sleep(300);
      }
      await subscription.stop();
      expect(delivered).toBe(true);
    } finally {
      await notifying.close();
    }
  });

  describe('grouped appends', () => {
    // One statement in flight at a time, so everything submitted meanwhile is grouped into the next one.
    let grouped: PostgresEventStore;
    beforeAll(() => {
      grouped = new PostgresEventStore(pool, { appendConcurrency: 1 });
    });
    afterAll(() => grouped.close());

    it('shares one statement among appends that arrive while another is in flight, each stream chained intact', async () => {
      const streams = Array.from({ length: 6 }, () => uniqueStream('grouped'));
      const results = await Promise.all(streams.map((streamId) => grouped.append(streamId, newEvents(3), 'no_stream')));
      const transactions = await Promise.all(results.map((result) => transactionIdOf(result.position)));
      // The first went alone; the five that waited for it went together, in one transaction.
      expect(new Set(transactions.slice(1)).size).toBe(1);
      expect(transactions[1]).not.toBe(transactions[0]);
      for (const [i, streamId] of streams.entries()) {
        const read = await store.readStream(streamId);
        expect(read).toEqual(results[i].events);
        expect(read.map((e) => e.version)).toEqual([1, 2, 3]);
        expect(verifyStreamChain(read)).toBeNull();
      }
    });

    it('fails only the appends that would have failed alone; the rest of their group is stored', async () => {
      const taken = uniqueStream('taken');
      await store.append(taken, [newEvent()], 'no_stream');
      const duplicate = newEvent();
      await store.append(uniqueStream(), [duplicate], 'no_stream');
      const fine = [uniqueStream('fine'), uniqueStream('fine'), uniqueStream('fine')];

      const outcomes = await Promise.allSettled([
        grouped.append(uniqueStream(), [newEvent()], 'no_stream'),
        grouped.append(fine[0], [newEvent()], 'no_stream'),
        grouped.append(taken, [newEvent()], 'no_stream'),
        grouped.append(fine[1], [newEvent()], 'no_stream'),
        grouped.append(uniqueStream(), [duplicate], 'no_stream'),
        grouped.append(fine[2], [newEvent()], 'no_stream'),
      ]);

      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      expect((outcomes[4] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventError);
      expect(await store.readStream(taken)).toHaveLength(1);
      for (const streamId of fine) expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });
});
