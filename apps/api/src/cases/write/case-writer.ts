import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { type CaseCommand, occurredOnOf } from '@casetrack/domain';
import { PG_POOL } from '../../infrastructure/infrastructure.module';
import type { FactDto } from '../shared/fact.dto';
import { IdSource } from '../shared/ids';
import type { WriteRequestContext } from '../shared/write-request';
import type { Appended, CaseCommandOutcome } from './command-outcome';
import { ExecuteCaseCommand } from './execute-case-command';
import { hashRequest } from './request-hash';
import type { IdempotencyRecord } from './idempotency-record';
import { storedAnswerOf } from './stored-answer';
import { type CaseWriteAnswer, type FirstAnswer, WriteOutcome } from './write-outcome';

export interface CaseWrite<D extends FactDto, C extends CaseCommand> {
  request: WriteRequestContext;
  /** Null when the write opens a new case: its id is generated. */
  caseId: string | null;
  body: D;
  /** Builds the domain command; ids for new things inside the case come from `ids`. */
  command: (ids: IdSource, caseId: string) => C | Promise<C>;
  /**
   * Fields the answer adds besides caseId, version and position (e.g. the new hearingId). Runs after the append and
   * before the answer is stored, so an idempotent repeat replays exactly what it returned the first time.
   */
  answer?: (command: C, caseId: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

interface RecordRow {
  request_hash: string;
  outcome: FirstAnswer | null;
  status_code: number | null;
  response: Record<string, unknown> | null;
}

/**
 * The idempotency table's two statements, prepared once per connection (named): every keyed write runs both, and
 * TypeORM's query builder cost more CPU than the round trip itself. Rows are read as idempotency-record.ts describes
 * them (a row holds `outcome`, or the status and body of an answer stored before outcomes were).
 */
const LOOKUP = {
  name: 'casetrack_idempotency_lookup',
  text: 'SELECT request_hash, outcome, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
};
const REMEMBER = {
  name: 'casetrack_idempotency_remember',
  text: `INSERT INTO idempotency_keys (user_id, key, request_hash, outcome, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING RETURNING key`,
};

/**
 * The one path every case write takes: idempotency, then the command bus, then the answer.
 * A repeat with the same key and body gets the first answer; the same key with another body is refused.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async write<D extends FactDto, C extends CaseCommand>(write: CaseWrite<D, C>): Promise<WriteOutcome> {
    const { request, body } = write;
    const key = request.idempotencyKey;
    // Only a keyed request is ever compared with another: without a key the hash would answer nothing.
    const requestHash = key === null ? '' : hashRequest(request.route, body);
    if (key !== null) {
      const previous = await this.lookup(request.actor.id, key);
      if (previous) return replay(previous, requestHash);
    }

    const ids = key === null ? IdSource.random() : IdSource.deterministic(request.actor.id, key);
    const caseId = write.caseId ?? ids.id('case');
    const command = await write.command(ids, caseId);
    const precision = body.occurredAtPrecision ?? 'exact';
    const outcome = await this.commandBus.execute<ExecuteCaseCommand, CaseCommandOutcome>(
      new ExecuteCaseCommand(caseId, command, {
        actor: { id: request.actor.id, role: request.actor.role },
        occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : null,
        occurredAtPrecision: precision,
        // The day, month or year as the writer wrote it, before the instant is moved to UTC.
        occurredOn: body.occurredAt ? occurredOnOf(body.occurredAt, precision) : null,
        correlationId: request.correlationId,
        idempotencyKey: key,
        ...(request.importedFrom ? { importedFrom: request.importedFrom } : {}),
        expectedVersion: request.ifMatch,
        eventIds: (index) => ids.id(`event:${index}`),
      }),
    );
    // A raced write is meant to be tried again: not an answer to store.
    if (outcome.kind === 'conflict_after_retries') return new WriteOutcome(outcome, false);
    const first: FirstAnswer =
      outcome.kind === 'appended' ? { kind: 'appended', answer: await answerOf(write, command, outcome) } : outcome;
    const alreadyRecorded = outcome.kind === 'appended' && outcome.alreadyRecorded;
    if (key === null) return new WriteOutcome(first, alreadyRecorded);

    // A concurrent twin may have stored its answer first: then that one is the first answer, and it is replayed.
    const stored = await this.remember(request, requestHash, first);
    return isOurs(stored, requestHash, first, alreadyRecorded)
      ? new WriteOutcome(first, false)
      : replay(stored, requestHash);
  }

  private async lookup(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<RecordRow>({ ...LOOKUP, values: [userId, key] });
    const row = rows[0];
    if (row === undefined) return null;
    return { requestHash: row.request_hash, outcome: row.outcome, statusCode: row.status_code, response: row.response };
  }

  private async remember(
    request: WriteRequestContext,
    requestHash: string,
    outcome: FirstAnswer,
  ): Promise<IdempotencyRecord> {
    const userId = request.actor.id;
    const key = request.idempotencyKey as string;
    const outcomeText = JSON.stringify(outcome);
    const inserted = await this.pool.query({
      ...REMEMBER,
      values: [userId, key, requestHash, outcomeText, new Date()],
    });
    // Ours went in: the record is what was written (as jsonb gives it back), with no round trip to read it again.
    if (inserted.rows.length > 0) {
      return { requestHash, outcome: JSON.parse(outcomeText) as FirstAnswer, statusCode: null, response: null };
    }
    // A twin's got in first: its answer is the first one.
    const twin = await this.lookup(userId, key);
    if (twin === null) throw new Error('An idempotency record that refused ours could not be read');
    return twin;
  }
}

async function answerOf<D extends FactDto, C extends CaseCommand>(
  write: CaseWrite<D, C>,
  command: C,
  { caseId, version, position }: Appended,
): Promise<CaseWriteAnswer> {
  const extra = (await write.answer?.(command, caseId)) ?? {};
  return { caseId, version, position, ...extra };
}

/** The stored first answer, given again; or, for another request under the same key, a refusal of the key. */
function replay(record: IdempotencyRecord, requestHash: string): WriteOutcome {
  if (record.requestHash !== requestHash) return new WriteOutcome({ kind: 'key_reused' }, false);
  return new WriteOutcome(storedAnswerOf(record), true);
}

/**
 * Whether the stored record is this request's own answer, which then goes out as a first answer. An append that
 * was already in the stream is answered as the replay it is. A refusal is ours when a twin's is the same refusal.
 */
function isOurs(record: IdempotencyRecord, requestHash: string, ours: FirstAnswer, alreadyRecorded: boolean): boolean {
  if (record.requestHash !== requestHash) return false;
  if (ours.kind === 'appended') return !alreadyRecorded;
  return refusalCode(storedAnswerOf(record)) === refusalCode(ours);
}

function refusalCode(answer: FirstAnswer): string {
  return answer.kind === 'refused' ? answer.code : answer.kind;
}
