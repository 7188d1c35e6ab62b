import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders: the source of truth of every deadline reminder and of its delivery. Written by the projector in the
 * same transaction as its checkpoint, read by the dispatcher (pending rows due soon become BullMQ delayed jobs) and
 * updated by the worker (sent, failed). Kept in `public`, not `read_model`: a rebuild of the read models must not
 * forget what was already sent.
 *
 * No free text from events is stored here: `payload` holds ids and labels (hearing kind, court, times); the
 * detainee's name is looked up when the message is written, and `last_error` holds codes, never message text.
 */
export class Reminders1764000000300 implements MigrationInterface {
  name = 'Reminders1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminders (
        id                 uuid PRIMARY KEY,
        case_id            uuid        NOT NULL,
        kind               text        NOT NULL CHECK (kind IN ('hearing', 'measure_ending', 'complaint_overdue',
                                                                'escalation_missing', 'escalation_no_lawyer')),
        subject_id         text        NOT NULL,
        recipient_user_id  uuid        NOT NULL,
        offset_ms          bigint      NOT NULL,
        due_at             timestamptz NOT NULL,
        state              text        NOT NULL CHECK (state IN ('pending', 'queued', 'sent', 'failed', 'cancelled')),
        attempts           integer     NOT NULL DEFAULT 0,
        last_error         text,
        delivered_channels text[]      NOT NULL DEFAULT '{}',
        queued_at          timestamptz,
        sent_at            timestamptz,
        payload            jsonb       NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reminders_dispatch_idx ON reminders (state, due_at)`);
    // The dispatcher's reconciliation walks queued rows by id.
    await q.query(`CREATE INDEX reminders_queued_idx ON reminders (id) WHERE state = 'queued'`);
    await q.query(`CREATE INDEX reminders_case_idx ON reminders (case_id, due_at)`);
    await q.query(`CREATE INDEX reminders_recipient_idx ON reminders (recipient_user_id, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reminders`);
  }
}
