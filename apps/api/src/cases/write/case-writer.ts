import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { type QueryDeepPartialEntity, Repository } from 'typeorm';
import { type CaseCommand, occurredOnOf } from '@casetrack/domain';
import type { FactDto } from '../shared/fact.dto';
import { IdSource } from '../shared/ids';
import type { WriteRequestContext } from '../shared/write-request';
import type { Appended, CaseCommandOutcome } from './command-outcome';
import { ExecuteCaseCommand } from './execute-case-command';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { hashRequest } from './request-hash';
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

/**
 * The one path every case write takes: idempotency, then the command bus, then the answer.
 * A repeat with the same key and body gets the first answer; the same key with another body is refused.
 */
@Injectable()
export class CaseWriter {
  constructor(
    private readonly commandBus: CommandBus,
    @InjectRepository(IdempotencyRecordEntity) private readonly records: Repository<IdempotencyRecordEntity>,
  ) {}

  async write<D extends FactDto, C extends CaseCommand>(write: CaseWrite<D, C>): Promise<WriteOutcome> {
    const { request, body } = write;
    const key = request.idempotencyKey;
    // Only a keyed request is ever compared with another: without a key the hash would answer nothing.
    const requestHash = key === null ? '' : hashRequest(request.route, body);
    if (key !== null) {
      const previous = await this.records.findOneBy({ userId: request.actor.id, key });
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

  private async remember(
    request: WriteRequestContext,
    requestHash: string,
    outcome: FirstAnswer,
  ): Promise<IdempotencyRecordEntity> {
    const userId = request.actor.id;
    const key = request.idempotencyKey as string;
    const createdAt = new Date();
    const inserted = await this.records
      .createQueryBuilder()
      .insert()
      // TypeORM's deep-partial type cannot follow the answer's open set of fields; the value is the row's as it is.
      .values({
        userId,
        key,
        requestHash,
        outcome: outcome as QueryDeepPartialEntity<FirstAnswer>,
        createdAt,
      })
      .orIgnore()
      .returning(['key'])
      .execute();
    // Ours went in: the record is what was written (as jsonb gives it back), with no round trip to read it again.
    if ((inserted.raw as unknown[]).length > 0) {
      return Object.assign(new IdempotencyRecordEntity(), {
        userId,
        key,
        requestHash,
        outcome: JSON.parse(JSON.stringify(outcome)) as FirstAnswer,
        statusCode: null,
        response: null,
        createdAt,
      });
    }
    // A twin's got in first: its answer is the first one.
    return this.records.findOneByOrFail({ userId, key });
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
function replay(record: IdempotencyRecordEntity, requestHash: string): WriteOutcome {
  if (record.requestHash !== requestHash) return new WriteOutcome({ kind: 'key_reused' }, false);
  return new WriteOutcome(storedAnswerOf(record), true);
}

/**
 * Whether the stored record is this request's own answer, which then goes out as a first answer. An append that
 * was already in the stream is answered as the replay it is. A refusal is ours when a twin's is the same refusal.
 */
function isOurs(
  record: IdempotencyRecordEntity,
  requestHash: string,
  ours: FirstAnswer,
  alreadyRecorded: boolean,
): boolean {
  if (record.requestHash !== requestHash) return false;
  if (ours.kind === 'appended') return !alreadyRecorded;
  return refusalCode(storedAnswerOf(record)) === refusalCode(ours);
}

function refusalCode(answer: FirstAnswer): string {
  return answer.kind === 'refused' ? answer.code : answer.kind;
}
