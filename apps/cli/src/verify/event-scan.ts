import type { PoolClient } from 'pg';
import type { ChainLink, Json, StoredMetadata } from '@casetrack/event-store';

interface Row {
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: Json;
  metadata: StoredMetadata;
  prev_hash: string;
  hash: string;
}

/**
 * Keyset pages through the whole `events` table in (stream_id, version) order, the order of its unique index, so
 * each page is an index range scan and memory stays flat however large the store is. The caller runs it inside one
 * REPEATABLE READ transaction, so every page sees the same snapshot even while the service keeps appending.
 */
const PAGE = `
  SELECT stream_id, version, event_id, type, data, metadata, prev_hash, hash
    FROM events
   WHERE (stream_id, version) > ($1::text, $2::int)
   ORDER BY stream_id, version
   LIMIT $3::int`;

export async function* scanEvents(client: PoolClient, pageSize = 5_000): AsyncGenerator<ChainLink[]> {
  let after: [string, number] = ['', 0];
  for (;;) {
    const { rows } = await client.query<Row>(PAGE, [...after, pageSize]);
    if (rows.length === 0) return;
    yield rows.map(toLink);
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.version];
    if (rows.length < pageSize) return;
  }
}

function toLink(row: Row): ChainLink {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    columns: { prevHash: row.prev_hash, hash: row.hash },
  };
}
