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
import { ExecuteCaseCommand } from './execute-case-command';
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
    const result = await this.commandBus.execute(
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
    const extra = (await write.answer?.(command, caseId)) ?? {};
    const answer = { caseId, version: result.version, position: result.position, ...extra };
    const outcome = new WriteOutcome(201, answer, result.alreadyRecorded);
    if (key === null) return outcome;

    await this.records
      .createQueryBuilder()
      .insert()
      .values({ userId: request.actor.id, key, requestHash, statusCode: 201, response: answer, createdAt: new Date() })
      .orIgnore()
      .execute();
    // A concurrent twin may have stored its answer first; both describe the same appended events.
    const stored = await this.records.findOneByOrFail({ userId: request.actor.id, key });
    return stored.requestHash === requestHash && !result.alreadyRecorded ? outcome : this.replay(stored, requestHash);
  }

  private replay(record: IdempotencyRecordEntity, requestHash: string): WriteOutcome {
    if (record.requestHash !== requestHash) {
      throw new ApiException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request',
      );
    }
    return new WriteOutcome(record.statusCode, record.response as WriteOutcome['body'], true);
  }
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
