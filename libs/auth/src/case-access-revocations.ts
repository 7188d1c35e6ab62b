/**
 * Revoking access may not wait for the projector. The read models say who is assigned to a case as of the last
 * event they projected, which can be any distance behind the stream; a lawyer removed from a case must nevertheless
 * lose it the moment the removal is acknowledged. So the write path records each removal here, synchronously,
 * after the append and before the answer, and every read by a lawyer requires, besides the projected row listing
 * them, that no revocation of theirs is newer than that row (`version` is the stream version of the removal, the
 * projected row carries the version it reflects). Granting may lag (a re-assignment shows once projected);
 * revoking may not.
 *
 * The table is in PostgreSQL whichever event store holds the streams (the read models are there too), and in
 * `public`, out of the `read_model` schema a rebuild swaps.
 */
export const CASE_ACCESS_REVOCATIONS = 'public.case_access_revocations';

/** Runs a statement: a TypeORM DataSource or EntityManager, a pg Pool or client. */
export interface StatementRunner {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/**
 * Records that `userIds` had no access to the case as of stream version `version`. The greatest version is kept:
 * an older revocation replayed late must not shorten a newer one.
 */
export async function recordRevocations(
  db: StatementRunner,
  caseId: string,
  userIds: readonly string[],
  version: number,
): Promise<void> {
  if (userIds.length === 0) return;
  await db.query(
    `INSERT INTO ${CASE_ACCESS_REVOCATIONS} AS r (case_id, user_id, version)
     SELECT $1::uuid, u, $3::int FROM unnest($2::uuid[]) AS u
     ON CONFLICT (case_id, user_id) DO UPDATE
        SET version = excluded.version, revoked_at = excluded.revoked_at
      WHERE r.version < excluded.version`,
    [caseId, [...new Set(userIds)], version],
  );
}

/**
 * SQL, true when `userId` lost the case (`caseId`) after the version a projected row reflects (`projectedVersion`):
 * the row still lists them, but it is older than their removal. Arguments are SQL expressions (columns or
 * placeholders); the primary key answers it with one index probe.
 */
export function revokedAfter(caseId: string, userId: string, projectedVersion: string): string {
  return `EXISTS (SELECT 1 FROM ${CASE_ACCESS_REVOCATIONS} rv
                   WHERE rv.case_id = ${caseId} AND rv.user_id = ${userId} AND rv.version > ${projectedVersion})`;
}
