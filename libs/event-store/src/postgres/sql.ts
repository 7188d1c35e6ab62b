/**
 * Every statement the PostgreSQL adapter runs. Each is sent as a named (prepared) statement: after the first use
 * on a connection PostgreSQL skips parsing and planning, which matters for the one-round-trip append.
 *
 * ## Why the feed never skips an event, and keeps each stream in version order
 *
 * Positions come from a sequence, so they are handed out at INSERT time but become visible at COMMIT time, in a
 * different order. A reader that orders by position alone and remembers "last position seen" skips any event whose
 * transaction commits after a higher position was delivered. Instead every row stores
 *
 *     transaction_id = GREATEST(pg_current_xact_id(), transaction_id of the previous version of this stream)
 *
 * and the feed is ordered by (transaction_id, position), reading only rows with
 * transaction_id < pg_snapshot_xmin(pg_current_snapshot()) — "xmin" being the oldest transaction still running
 * when the reader's snapshot was taken.
 *
 * - The set of rows below xmin is final. A transaction T still running at the reader's snapshot has
 *   xid(T) >= xmin, and one that starts later gets an even larger xid; every row T ever writes has
 *   transaction_id >= xid(T) (GREATEST never lowers it), hence >= xmin. So no row below xmin can appear later, and
 *   every row below xmin is committed (or rolled back) and visible. A later reader, whose xmin is at least as large,
 *   only adds rows that sort after everything already delivered, so a checkpoint (the last delivered row's
 *   (transaction_id, position)) never jumps over an event.
 * - Each stream is in version order. Version v+1 is inserted by a statement that sees version v committed (or
 *   written by its own transaction), so its position is larger, and GREATEST makes its transaction_id >= that of
 *   version v. Without GREATEST, a transaction that took its xid early (e.g. it wrote something else first) and
 *   appended v+1 after a younger transaction committed v would sort v+1 before v.
 *
 * The reader's own transaction never writes, so its xid (none) does not hold xmin back.
 */

/** Name of the unique constraint whose violation is an optimistic-concurrency conflict. */
export const STREAM_VERSION_CONSTRAINT = 'events_stream_version_key';

/** Name of the unique constraint on event ids: a violation means the event is already stored. */
export const EVENT_ID_CONSTRAINT = 'events_event_id_key';

/** Channel on which appends announce new events (when `notify` is on). */
export const EVENTS_CHANNEL = 'casetrack_events';

const EVENT_COLUMNS = 'position, event_id, stream_id, version, type, data, metadata';

/**
 * One statement appends all the events of one call, so a multi-event append is atomic without BEGIN/COMMIT.
 *
 * $1 stream id, $2 the version the stream must be at (0: must not exist), $3 recordedAt, $4..$9 the event's id, type,
 * data, metadata, prev hash and hash (one array element per event in the multi-event form), $10 the hash the caller
 * chained to (the hash of version $2).
 *
 * `prev` reads version $2 through the (stream_id, version) index. The WHERE guard makes an exact-version append fail
 * when the stream is *behind* the expected version (no unique violation would catch that) and when the cached
 * hash we chained to is not the stored one; both come back as zero rows. A stream that is *ahead* makes the
 * INSERT hit the unique constraint: that is the conflict.
 *
 * The single-event form takes scalars: it is the common case, and skipping the arrays (encoding them here, parsing,
 * unnesting and sorting them there) is measurably cheaper under load.
 */
const GUARD = `($2::int = 0 OR EXISTS (SELECT 1 FROM prev WHERE prev.hash = $10::text))`;

function appendSql(many: boolean, notify: boolean): string {
  const source = many
    ? `SELECT e.event_id, $1, $2::int + e.ord::int, e.type, e.data::jsonb, e.metadata::jsonb, $3::timestamptz,
              GREATEST(pg_current_xact_id(), (SELECT transaction_id FROM prev)), e.prev_hash, e.hash
         FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
              WITH ORDINALITY AS e(event_id, type, data, metadata, prev_hash, hash, ord)
        WHERE ${GUARD}
        ORDER BY e.ord`
    : `SELECT $4::uuid, $1, $2::int + 1, $5::text, $6::jsonb, $7::jsonb, $3::timestamptz,
              GREATEST(pg_current_xact_id(), (SELECT transaction_id FROM prev)), $8::text, $9::text
        WHERE ${GUARD}`;
  const insert = `
      INSERT INTO events (event_id, stream_id, version, type, data, metadata, recorded_at, transaction_id, prev_hash, hash)
      ${source}
      RETURNING position, version`;
  const prev = `prev AS (SELECT transaction_id, hash FROM events WHERE stream_id = $1 AND version = $2::int)`;
  // NOTIFY needs a SELECT around the INSERT; the scalar subquery runs once, and only if a row was inserted.
  return notify
    ? `WITH ${prev}, ins AS (${insert})
       SELECT i.position, i.version FROM ins i WHERE (SELECT true FROM pg_notify('${EVENTS_CHANNEL}', ''))`
    : `WITH ${prev} ${insert}`;
}

/**
 * Appends of several streams in one statement (see `AppendBatcher`): one row per event, each carrying its
 * stream's expected version and the hash chained to. $1 stream ids, $2 expected versions, $3 hashes chained to,
 * $4 recordedAt, $5..$11 event id, version, type, data, metadata, prev hash, hash.
 *
 * The guard is the single-stream one applied per row: a stream behind its expected version, or whose stored hash
 * is not the one chained to, inserts nothing and is missing from RETURNING. A stream ahead of it violates the
 * unique constraint and fails the whole statement; the caller then runs the batch's appends one by one.
 */
function appendBatchSql(notify: boolean): string {
  const insert = `
      INSERT INTO events (event_id, stream_id, version, type, data, metadata, recorded_at, transaction_id, prev_hash, hash)
      SELECT i.event_id, i.stream_id, i.version, i.type, i.data::jsonb, i.metadata::jsonb, i.recorded_at,
             GREATEST(pg_current_xact_id(), p.transaction_id), i.prev_hash, i.hash
        FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::uuid[], $6::int[], $7::text[],
                    $8::text[], $9::text[], $10::text[], $11::text[])
             WITH ORDINALITY AS i(stream_id, base, base_hash, recorded_at, event_id, version, type, data, metadata,
                                  prev_hash, hash, ord)
        LEFT JOIN events p ON p.stream_id = i.stream_id AND p.version = i.base
       WHERE i.base = 0 OR p.hash = i.base_hash
       ORDER BY i.ord
      RETURNING position, stream_id, version`;
  return notify
    ? `WITH ins AS (${insert})
       SELECT i.position, i.stream_id, i.version FROM ins i WHERE (SELECT true FROM pg_notify('${EVENTS_CHANNEL}', ''))`
    : insert;
}

export const SQL = {
  appendOne: { name: 'casetrack_events_append_one', text: appendSql(false, false) },
  appendMany: { name: 'casetrack_events_append_many', text: appendSql(true, false) },
  appendOneAndNotify: { name: 'casetrack_events_append_one_notify', text: appendSql(false, true) },
  appendManyAndNotify: { name: 'casetrack_events_append_many_notify', text: appendSql(true, true) },
  appendBatch: { name: 'casetrack_events_append_batch', text: appendBatchSql(false) },
  appendBatchAndNotify: { name: 'casetrack_events_append_batch_notify', text: appendBatchSql(true) },

  head: {
    name: 'casetrack_events_head',
    text: `SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1`,
  },

  readStream: {
    name: 'casetrack_events_read_stream',
    text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND version BETWEEN $3::int AND $2::int ORDER BY version`,
  },

  /**
   * $1 checkpoint position (0 = start), $2 limit. The checkpoint's transaction_id is looked up (rows are never
   * deleted); an unknown non-zero checkpoint yields NULL and so no rows, which the caller then reports.
   */
  readAll: {
    name: 'casetrack_events_read_all',
    text: `
      SELECT ${EVENT_COLUMNS}
        FROM events
       WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         AND (transaction_id, position) > (
               CASE WHEN $1::bigint = 0 THEN '0'::xid8
                    ELSE (SELECT c.transaction_id FROM events c WHERE c.position = $1::bigint) END,
               $1::bigint)
       ORDER BY transaction_id, position
       LIMIT $2::int`,
  },

  positionExists: {
    name: 'casetrack_events_position_exists',
    text: `SELECT 1 FROM events WHERE position = $1::bigint`,
  },

  isAtOrBefore: {
    name: 'casetrack_events_is_at_or_before',
    text: `
      SELECT (e.transaction_id, e.position) <= (c.transaction_id, c.position) AS at_or_before
        FROM events e, events c
       WHERE e.position = $1::bigint AND c.position = $2::bigint`,
  },
} as const;
