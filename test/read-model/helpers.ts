import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CaseEvent } from '@casetrack/domain';
import { caseStreamId, type EventStore, PostgresEventStore, toNewCaseEvent } from '@casetrack/event-store';
import { CaseProjector, type CaseProjectorOptions, COUNT_KEY, READ_MODEL_TABLES } from '@casetrack/read-model';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

export interface ProjectionFixture {
  database: TestDatabase;
  pool: Pool;
  store: EventStore;
  close(): Promise<void>;
}

export async function openFixture(): Promise<ProjectionFixture> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 10 });
  const store = new PostgresEventStore(pool);
  return {
    database,
    pool,
    store,
    close: async () => {
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** A clock for one case's story: each fact happens a minute after the previous one. */
export class CaseWriter {
  readonly caseId = randomUUID();
  private minute = 0;
  lastPosition = 0;

  constructor(
    private readonly store: EventStore,
    private readonly start = Date.parse('2022-01-05T08:00:00Z'),
  ) {}

  /** Appends the events (one eventId each) and returns their ids. */
  async append(...events: CaseEvent[]): Promise<string[]> {
    return this.appendAt(undefined, ...events);
  }

  /** Appends with an explicit occurredAt (late news). */
  async appendAt(occurredAt: string | undefined, ...events: CaseEvent[]): Promise<string[]> {
    const ids = events.map(() => randomUUID());
    const news = events.map((event, i) => {
      this.minute += 1;
      return toNewCaseEvent(ids[i], event, {
        actorId: randomUUID(),
        actorRole: 'lawyer',
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: occurredAt ?? new Date(this.start + this.minute * 60_000).toISOString(),
        occurredAtPrecision: 'exact',
      });
    });
    const result = await this.store.append(caseStreamId(this.caseId), news, 'any');
    this.lastPosition = result.position;
    return ids;
  }
}

/**
 * Projects until the read models include `position`. The feed may hold events back while a transaction anywhere in
 * the cluster is open (other test files run in parallel), so one pass over the feed is not always everything.
 */
export async function projectUntil(projector: CaseProjector, store: EventStore, position: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await projector.catchUp();
    if (projector.checkpoint > 0 && (await store.isAtOrBefore(position, projector.checkpoint))) return;
    if (Date.now() > deadline) throw new Error(`projection did not reach position ${position}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function projector(fixture: ProjectionFixture, options: CaseProjectorOptions = {}): CaseProjector {
  return new CaseProjector(fixture.pool, fixture.store, options);
}

/** Every row of every read-model table of a schema, in key order, for comparing two projections. */
export async function dumpSchema(pool: Pool, schema: string): Promise<Record<string, unknown[]>> {
  const keys: Record<(typeof READ_MODEL_TABLES)[number], string> = {
    checkpoint: 'name',
    cases: 'case_id',
    hearings: 'case_id, hearing_id',
    complaints: 'case_id, complaint_id',
    quarantine: 'case_id',
    case_counts: COUNT_KEY,
  };
  const dump: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await pool.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM "${schema}".${table} t ORDER BY ${keys[table]}`,
    );
    // updated_at and quarantined_at say when, not what: two projections of the same events differ only there.
    dump[table] = rows.map(({ row }) => ({ ...row, updated_at: undefined, quarantined_at: undefined }));
  }
  return dump;
}

export async function caseRow(pool: Pool, caseId: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await pool.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(c) AS row FROM read_model.cases c WHERE case_id = $1`,
    [caseId],
  );
  return rows[0]?.row;
}

export async function childRows(pool: Pool, table: 'hearings' | 'complaints', caseId: string) {
  const { rows } = await pool.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(t) AS row FROM read_model.${table} t WHERE case_id = $1 ORDER BY to_jsonb(t)::text`,
    [caseId],
  );
  return rows.map((r) => r.row);
}
