import type { Pool } from 'pg';
import { type CaseState, foldFacts } from '@casetrack/domain';
import { caseStreamId, type EventStore, inTransaction, toCaseFact } from '@casetrack/event-store';
import { lockCheckpoint, READ_MODEL_SCHEMA } from '@casetrack/read-model';
import type { ReminderProjection } from '@casetrack/reminders';

export interface ApplyRulesOptions {
  /** Cases folded and written per transaction (each holds the live projector's checkpoint lock while it runs). */
  batchSize?: number;
  onBatch?: (done: number) => void;
}

/**
 * Derives every open case's deadlines and reminders again from its stream, as the live projector would on its next
 * fact, under the rule sets `projection` holds: what a changed rules/<id>.json or RULE_SETS needs, without touching
 * the events. Each batch runs under the live projector's checkpoint lock, so it never interleaves with a projector
 * batch: whichever commits last derived from at least as many facts (this reads the whole stream), and the next
 * projection of a case derives the same again. Closed and merged cases have no deadlines and were cleared when closed.
 */
export async function applyRules(
  pool: Pool,
  store: EventStore,
  projection: ReminderProjection,
  options: ApplyRulesOptions = {},
): Promise<{ cases: number }> {
  const batchSize = options.batchSize ?? 100;
  let after = '00000000-0000-0000-0000-000000000000';
  let cases = 0;
  for (;;) {
    const { rows } = await pool.query<{ case_id: string }>(
      `SELECT case_id FROM ${READ_MODEL_SCHEMA}.cases WHERE NOT closed AND case_id > $1 ORDER BY case_id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) return { cases };
    await inTransaction(pool, async (client) => {
      await lockCheckpoint(client, READ_MODEL_SCHEMA);
      const states = new Map<string, CaseState>();
      for (const { case_id: caseId } of rows) {
        states.set(caseId, foldFacts((await store.readStream(caseStreamId(caseId))).map(toCaseFact)));
      }
      await projection.applyAll(client, states);
    });
    cases += rows.length;
    after = rows[rows.length - 1].case_id;
    options.onBatch?.(cases);
  }
}
