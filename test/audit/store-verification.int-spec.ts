import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import {
  buildDigestFile,
  computeEventHash,
  type NewEvent,
  parseDigestFile,
  PostgresEventStore,
  verifyChain,
} from '@casetrack/event-store';
import { verifyStore } from '../../apps/cli/src/verify/store-verification';
import { runVerify } from '../../apps/cli/src/verify/verify-command';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Tampering with the `events` table directly in PostgreSQL (the append-only trigger switched off, as an attacker
 * with database access would) and what the chain check and the digest check make of it.
 */
describe('store verification against tampering', () => {
  let database: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;

  const note = (text: string): NewEvent => ({
    eventId: randomUUID(),
    type: 'NoteAdded',
    data: { text },
    metadata: {
      actorId: randomUUID(),
      actorRole: 'lawyer',
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2022-01-06T10:00:00.000Z',
      occurredAtPrecision: 'exact',
      schemaVersion: 1,
    },
  });

  async function stream(name: string, count: number): Promise<string> {
    const streamId = `case-${name}-${randomUUID()}`;
    for (let i = 1; i <= count; i += 1) await store.append(streamId, [note(`${name} note ${i}`)], i - 1 || 'no_stream');
    return streamId;
  }

  const sql = (text: string, values: unknown[] = []) => pool.query(text, values);

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new Pool({ connectionString: database.url, max: 3 });
    store = new PostgresEventStore(pool);
  });

  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  afterEach(() => sql('ALTER TABLE events ENABLE TRIGGER ALL'));

  it('the append-only trigger is what normally stops this', async () => {
    const streamId = await stream('guarded', 1);
    await expect(sql(`DELETE FROM events WHERE stream_id = $1`, [streamId])).rejects.toThrow(/append-only/);
  });

  it('a changed byte is reported at that exact version, a deleted row at the first missing one', async () => {
    const changed = await stream('changed', 5);
    const deleted = await stream('deleted', 5);
    const intact = await stream('intact', 3);
    await sql('ALTER TABLE events DISABLE TRIGGER ALL');
    await sql(
      `UPDATE events SET data = replace(data::text, 'note 3', 'note 8')::jsonb WHERE stream_id = $1 AND version = 3`,
      [changed],
    );
    await sql(`DELETE FROM events WHERE stream_id = $1 AND version = 4`, [deleted]);

    expect(verifyChain(await store.readStream(changed))).toEqual({
      valid: false,
      brokenAtVersion: 3,
      problem: 'hash_mismatch',
    });
    expect(verifyChain(await store.readStream(deleted))).toEqual({
      valid: false,
      brokenAtVersion: 4,
      problem: 'version_gap',
    });
    expect(verifyChain(await store.readStream(intact))).toMatchObject({ valid: true, events: 3 });

    const report = await verifyStore(pool, { pageSize: 4 });
    expect(report.broken).toEqual(
      expect.arrayContaining([
        { streamId: changed, brokenAtVersion: 3, problem: 'hash_mismatch' },
        { streamId: deleted, brokenAtVersion: 4, problem: 'version_gap' },
      ]),
    );
    expect(report.broken.map((b) => b.streamId)).not.toContain(intact);
  });

  it('a wrong prevHash link and a hash column out of step with the metadata are caught', async () => {
    const relinked = await stream('relinked', 3);
    const column = await stream('column', 3);
    await sql('ALTER TABLE events DISABLE TRIGGER ALL');
    // Re-link version 2 to another predecessor and give it a hash that matches its new content.
    const { rows } = await sql(
      `SELECT event_id, type, data, metadata FROM events WHERE stream_id = $1 AND version = 2`,
      [relinked],
    );
    const row = rows[0] as { event_id: string; type: string; data: never; metadata: Record<string, string> };
    const metadata = { ...row.metadata, prevHash: 'e'.repeat(64) };
    const hash = computeEventHash({
      eventId: row.event_id,
      streamId: relinked,
      version: 2,
      type: row.type,
      data: row.data,
      metadata: metadata as never,
    });
    await sql(
      `UPDATE events SET metadata = $2::jsonb, prev_hash = $3, hash = $4 WHERE stream_id = $1 AND version = 2`,
      [relinked, JSON.stringify({ ...metadata, hash }), 'e'.repeat(64), hash],
    );
    await sql(`UPDATE events SET hash = $2 WHERE stream_id = $1 AND version = 3`, [column, 'd'.repeat(64)]);

    expect(verifyChain(await store.readStream(relinked))).toMatchObject({
      brokenAtVersion: 2,
      problem: 'prev_hash_mismatch',
    });
    const report = await verifyStore(pool);
    expect(report.broken).toEqual(
      expect.arrayContaining([
        { streamId: relinked, brokenAtVersion: 2, problem: 'prev_hash_mismatch' },
        { streamId: column, brokenAtVersion: 3, problem: 'hash_mismatch' },
      ]),
    );
  });

  describe('the digest of stream heads', () => {
    it('catches every change made after it was taken, and nothing else', async () => {
      const older = await stream('older', 4);
      const rewritten = await stream('rewritten', 4);
      const truncated = await stream('truncated', 4);
      const vanished = await stream('vanished', 2);
      const growing = await stream('growing', 2);
      const mine = [older, rewritten, truncated, vanished, growing];
      // Earlier tests left broken streams behind; this digest covers only the streams of this test.
      const before = await verifyStore(pool);
      const digest = buildDigestFile(
        before.heads.filter((head) => mine.includes(head.streamId)),
        new Date(),
      );

      expect((await verifyStore(pool, { against: digest })).digestFindings).toEqual([]);
      await store.append(growing, [note('appended after the digest')], 2);
      await stream('new', 2);

      await sql('ALTER TABLE events DISABLE TRIGGER ALL');
      await sql(`UPDATE events SET data = '{"text":"older note X"}' WHERE stream_id = $1 AND version = 2`, [older]);
      await rewriteFrom(rewritten, 2);
      await sql(`DELETE FROM events WHERE stream_id = $1 AND version = 4`, [truncated]);
      await sql(`DELETE FROM events WHERE stream_id = $1`, [vanished]);

      const after = await verifyStore(pool, { against: digest });
      const findings = Object.fromEntries(after.digestFindings.map((f) => [f.streamId, [f.version, f.problem]]));
      expect(findings).toEqual({
        [older]: [2, 'chain_broken'],
        // Rewritten with every hash recomputed: the chain alone verifies, only the digest can tell.
        [rewritten]: [4, 'hash_changed'],
        [truncated]: [4, 'events_missing'],
        [vanished]: [1, 'stream_missing'],
      });
      expect(after.broken.map((b) => b.streamId)).not.toContain(rewritten);
    });

    it('the CLI writes a digest file, then proves it or reports the change', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casetrack-digest-'));
      const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        // Start from a clean store: drop what earlier tests broke.
        await sql('ALTER TABLE events DISABLE TRIGGER ALL');
        await sql('DELETE FROM events');
        await sql('ALTER TABLE events ENABLE TRIGGER ALL');
        const streamId = await stream('cli', 3);
        const file = join(dir, 'digest.json');
        expect(await runVerify({ mode: 'all', out: file }, database.url)).toBe(0);
        const digest = parseDigestFile(readFileSync(file, 'utf8'));
        expect(digest).toMatchObject({ streams: 1, events: 3, heads: [{ streamId, version: 3 }] });
        const printed = out.mock.calls.map((call) => String(call[0])).join('');
        expect(printed).toContain(`sha256 digest of all stream heads: ${digest.digest}`);
        expect(err.mock.calls.map((call) => String(call[0])).join('')).toMatch(/verify \[#+\] 3\/3 100\.0%/);

        expect(await runVerify({ mode: 'against', file, expect: digest.digest }, database.url)).toBe(0);
        await expect(runVerify({ mode: 'against', file, expect: 'f'.repeat(64) }, database.url)).rejects.toThrow(
          /not the expected/,
        );
        await sql('ALTER TABLE events DISABLE TRIGGER ALL');
        await sql(`UPDATE events SET data = '{"text":"cli note 9"}' WHERE stream_id = $1 AND version = 1`, [streamId]);
        expect(await runVerify({ mode: 'against', file, expect: null }, database.url)).toBe(1);
        expect(out.mock.calls.map((call) => String(call[0])).join('')).toContain(
          `CHANGED since the digest: ${streamId} at version 1: chain_broken`,
        );
      } finally {
        out.mockRestore();
        err.mockRestore();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  /** What a careful attacker does: change an event and recompute every hash after it so the chain verifies. */
  async function rewriteFrom(streamId: string, fromVersion: number): Promise<void> {
    const { rows } = await sql(
      `SELECT event_id, version, type, data, metadata FROM events WHERE stream_id = $1 AND version >= $2 - 1 ORDER BY version`,
      [streamId, fromVersion],
    );
    let prevHash = (rows[0] as { metadata: { hash: string } }).metadata.hash;
    for (const row of rows.slice(1) as Array<{
      event_id: string;
      version: number;
      type: string;
      data: { text: string };
      metadata: Record<string, string>;
    }>) {
      const data = { text: `${row.data.text} (rewritten)` };
      const { hash: _old, ...rest } = row.metadata;
      const metadata = { ...rest, prevHash };
      const hash = computeEventHash({
        eventId: row.event_id,
        streamId,
        version: row.version,
        type: row.type,
        data,
        metadata: metadata as never,
      });
      await sql(
        `UPDATE events SET data = $3::jsonb, metadata = $4::jsonb, prev_hash = $5, hash = $6 WHERE stream_id = $1 AND version = $2`,
        [streamId, row.version, JSON.stringify(data), JSON.stringify({ ...metadata, hash }), prevHash, hash],
      );
      prevHash = hash;
    }
  }
});
