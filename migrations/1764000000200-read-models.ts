import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models, kept current by the projector (libs/read-model). Everything lives in the `read_model` schema,
 * checkpoint included, so that a rebuild can fill a sibling schema from the events and swap the two by renaming
 * them in one transaction. Nothing here is a source of truth: every row can be rebuilt from the event store.
 *
 * Sensitive free text (testimony, witnesses, notes, medical details) is never projected into these tables; the
 * `detail` document holds only what the case detail view shows.
 *
 * Indexes follow the reads: the case list filters (status, city, facility, article, lawyer, vulnerability), name
 * search by trigrams on the normalised name keys, the hearings calendar by date, complaints by status and due date,
 * and the agenda's measures ending.
 */
export class ReadModels1764000000200 implements MigrationInterface {
  name = 'ReadModels1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE SCHEMA read_model`);
    await q.query(`
      CREATE TABLE read_model.checkpoint (
        name       text PRIMARY KEY,
        position   bigint NOT NULL DEFAULT 0,
        updated_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE read_model.cases (
        case_id             uuid PRIMARY KEY,
        full_name           text        NOT NULL,
        name_variants       text[]      NOT NULL,
        name_keys           text        NOT NULL,
        city                text        NOT NULL,
        status              text        NOT NULL,
        closed              boolean     NOT NULL,
        current_facility    jsonb,
        facility_key        text,
        articles            text[]      NOT NULL,
        charges             jsonb       NOT NULL,
        lawyer_ids          uuid[]      NOT NULL,
        lawyers             jsonb       NOT NULL,
        measure             text,
        measure_until       timestamptz,
        open_complaints     integer     NOT NULL,
        torture_allegations integer     NOT NULL,
        deceased            boolean     NOT NULL,
        vulnerabilities     text[]      NOT NULL,
        opened_at           timestamptz,
        version             integer     NOT NULL,
        last_recorded_at    timestamptz NOT NULL,
        detail              jsonb       NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_status_idx ON read_model.cases (status)`);
    await q.query(`CREATE INDEX cases_city_idx ON read_model.cases (lower(city))`);
    await q.query(`CREATE INDEX cases_facility_idx ON read_model.cases (facility_key)`);
    await q.query(`CREATE INDEX cases_measure_until_idx ON read_model.cases (measure_until)`);
    await q.query(`CREATE INDEX cases_recent_idx ON read_model.cases (last_recorded_at DESC, case_id)`);
    await q.query(`CREATE INDEX cases_articles_idx ON read_model.cases USING gin (articles)`);
    await q.query(`CREATE INDEX cases_lawyers_idx ON read_model.cases USING gin (lawyer_ids)`);
    await q.query(`CREATE INDEX cases_vulnerabilities_idx ON read_model.cases USING gin (vulnerabilities)`);
    await q.query(`CREATE INDEX cases_name_keys_idx ON read_model.cases USING gin (name_keys gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE read_model.hearings (
        case_id      uuid        NOT NULL,
        hearing_id   uuid        NOT NULL,
        kind         text        NOT NULL,
        court        text        NOT NULL,
        judge        text,
        location     text,
        scheduled_at timestamptz NOT NULL,
        status       text        NOT NULL,
        PRIMARY KEY (case_id, hearing_id)
      )`);
    await q.query(`CREATE INDEX hearings_scheduled_idx ON read_model.hearings (scheduled_at)`);
    await q.query(`CREATE INDEX hearings_case_scheduled_idx ON read_model.hearings (case_id, scheduled_at)`);

    await q.query(`
      CREATE TABLE read_model.complaints (
        case_id         uuid        NOT NULL,
        complaint_id    uuid        NOT NULL,
        allegation_id   uuid,
        filed_with      text        NOT NULL,
        reference       text,
        status          text        NOT NULL,
        response_due_at timestamptz,
        outcome         text,
        filed_at        timestamptz NOT NULL,
        answered_at     timestamptz,
        withdrawn_at    timestamptz,
        PRIMARY KEY (case_id, complaint_id)
      )`);
    await q.query(`CREATE INDEX complaints_status_due_idx ON read_model.complaints (status, response_due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: other objects may use it, and dropping it gains nothing.
    await q.query(`DROP SCHEMA IF EXISTS read_model CASCADE`);
  }
}
