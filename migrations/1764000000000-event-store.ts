import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store: one append-only table plus the checkpoints of the projectors that read its feed.
 *
 * - `(stream_id, version)` is unique: a unique violation on it *is* the optimistic-concurrency conflict.
 * - `transaction_id` is what the global feed orders by (with `position`), so that a reader never skips an
 *   event committed late; see `libs/event-store/src/postgres/sql.ts` for the argument.
 * - `hash`/`prev_hash` chain each stream's events (SHA-256 hex, computed by the application).
 * - The append-only trigger is `ENABLE ALWAYS` so that it also fires for sessions with
 *   `session_replication_role = replica`; only an explicit `ALTER TABLE ... DISABLE TRIGGER` switches it off.
 */
/**
 * 64 lowercase hex digits. Not a regular expression: evaluating `~ '^[0-9a-f]{64}$'` measured about 6 µs per row
 * and check, a fifth of an append's database time at 32 writers; the hex round trip costs well under 1 µs. A
 * non-hex digit makes `decode` raise an error, uppercase fails the comparison; either way the row is refused.
 */
function lowercaseSha256Hex(column: string): string {
  return `octet_length(${column}) = 64 AND encode(decode(${column}, 'hex'), 'hex') = ${column}`;
}

export class EventStore1764000000000 implements MigrationInterface {
  name = 'EventStore1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id       uuid        NOT NULL,
        stream_id      text        NOT NULL,
        version        integer     NOT NULL,
        type           text        NOT NULL,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        transaction_id xid8        NOT NULL,
        prev_hash      text        NOT NULL,
        hash           text        NOT NULL,
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version),
        CONSTRAINT events_version_positive CHECK (version >= 1),
        CONSTRAINT events_prev_hash_format CHECK (${lowercaseSha256Hex('prev_hash')}),
        CONSTRAINT events_hash_format CHECK (${lowercaseSha256Hex('hash')})
      )`);
    await queryRunner.query(`CREATE INDEX events_feed_idx ON events (transaction_id, position)`);
    await queryRunner.query(`
      CREATE FUNCTION events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // Statement-level, so it rejects even an UPDATE/DELETE that matches no row.
    await queryRunner.query(`
      CREATE TRIGGER events_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change()`);
    await queryRunner.query(`ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only`);

    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name       text PRIMARY KEY,
        position   bigint NOT NULL,
        updated_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS projection_checkpoints`);
    // Dropping the table drops its trigger; the function goes after it.
    await queryRunner.query(`DROP TABLE IF EXISTS events`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS events_reject_change()`);
  }
}
