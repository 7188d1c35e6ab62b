import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Repository } from 'typeorm';
import type { CaseCommand } from '@casetrack/domain';
import { ApiException } from '../../common/api-exception';
import type { FactDto } from '../shared/fact.dto';
import { IdSource } from '../shared/ids';
import type { WriteRequestContext } from '../shared/write-request';
import { type CaseWriteResult, ExecuteCaseCommand } from './execute-case-command';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { WriteOutcome } from './write-outcome';

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
    const requestHash = hashRequest(request.route, body);
    if (key !== null) {
      const previous = await this.records.findOneBy({ userId: request.actor.id, key });
      if (previous) return this.replay(previous, requestHash);
    }

    const ids = key === null ? IdSource.random() : IdSource.deterministic(request.actor.id, key);
    const caseId = write.caseId ?? ids.id('case');
    const command = await write.command(ids, caseId);
    let result: CaseWriteResult;
    try {
      result = await this.commandBus.execute<ExecuteCaseCommand, CaseWriteResult>(
        new ExecuteCaseCommand(caseId, command, {
          actor: { id: request.actor.id, role: request.actor.role },
          occurredAt: body.occurredAt ? new Date(body.occurredAt).toISOString() : null,
          occurredAtPrecision: body.occurredAtPrecision ?? 'exact',
          correlationId: request.correlationId,
          idempotencyKey: key,
          expectedVersion: request.ifMatch,
          eventIds: (index) => ids.id(`event:${index}`),
        }),
      );
    } catch (error) {
      const refusal = key === null ? null : storedRefusal(error);
      if (!refusal) throw error;
      const stored = await this.remember(request, requestHash, refusal.statusCode, refusal);
      // Ours is the first answer: it goes out as it is. A twin's that got there first is replayed instead.
      const { code } = stored.response as { code?: unknown };
      if (stored.requestHash === requestHash && stored.statusCode === refusal.statusCode && code === refusal.code) {
        throw error;
      }
      return this.replay(stored, requestHash);
    }
    const extra = (await write.answer?.(command, caseId)) ?? {};
    const answer = { caseId, version: result.version, position: result.position, ...extra };
    const outcome = new WriteOutcome(201, answer, result.alreadyRecorded);
    if (key === null) return outcome;

    // A concurrent twin may have stored its answer first; both describe the same appended events.
    const stored = await this.remember(request, requestHash, 201, answer);
    return stored.requestHash === requestHash && !result.alreadyRecorded ? outcome : this.replay(stored, requestHash);
  }

  private async remember(
    request: WriteRequestContext,
    requestHash: string,
    statusCode: number,
    response: object,
  ): Promise<IdempotencyRecordEntity> {
    const userId = request.actor.id;
    const key = request.idempotencyKey as string;
    await this.records
      .createQueryBuilder()
      .insert()
      .values({ userId, key, requestHash, statusCode, response, createdAt: new Date() })
      .orIgnore()
      .execute();
    return this.records.findOneByOrFail({ userId, key });
  }

  /** The stored first answer: returned when it was a success, thrown again when it was a refusal. */
  private replay(record: IdempotencyRecordEntity, requestHash: string): WriteOutcome {
    if (record.requestHash !== requestHash) {
      throw new ApiException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request',
      );
    }
    if (record.statusCode >= 400) {
      const refusal = record.response as unknown as RefusalBody;
      throw new ApiException(refusal.statusCode, refusal.code, refusal.message, refusal.details, {
        'Idempotent-Replayed': 'true',
      });
    }
    return new WriteOutcome(record.statusCode, record.response as WriteOutcome['body'], true);
  }
}

interface RefusalBody {
  statusCode: number;
  code: string;
  message: string;
  details: unknown[];
}

/**
 * A refusal that repeating the same request would not change by itself (404, 412, a domain rule's 422) is a first
 * answer too: under an Idempotency-Key it is stored, so a repeat gets it again and appends nothing even after the
 * case has moved on. A raced write's 409 is meant to be retried, and server errors are not answers: not stored.
 */
function storedRefusal(error: unknown): RefusalBody | null {
  if (!(error instanceof ApiException) || ![404, 412, 422].includes(error.statusCode)) return null;
  return { statusCode: error.statusCode, code: error.code, message: error.message, details: error.details };
}

/** The request an idempotency key is bound to: route and validated body, with keys in a stable order. */
function hashRequest(route: string, body: object): string {
  return createHash('sha256').update(route).update('\u0000').update(stableJson(body)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
