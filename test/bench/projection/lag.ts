import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CommandBus } from '@nestjs/cqrs';
import type { CaseCommand } from '@casetrack/domain';
import { type EventStore, type FeedBatch } from '@casetrack/event-store';
import { CaseProjector } from '@casetrack/read-model';
import { ExecuteCaseCommand } from '../../../apps/api/src/cases/write/execute-case-command';
import { latency, type Latency } from './measure';

export interface LagOptions {
  writes: number;
  perSecond: number;
  cases: number;
  idleMs: number;
}

/** The live projector, telling the benchmark which events each committed batch held. */
class ObservedProjector extends CaseProjector {
  onReceived: (batch: FeedBatch) => void = () => undefined;
  onCommitted: (batch: FeedBatch) => void = () => undefined;

  override async applyBatch(batch: FeedBatch): Promise<void> {
    this.onReceived(batch);
    await super.applyBatch(batch);
    this.onCommitted(batch);
  }
}

export interface LagResult extends Latency {
  max: number;
  /** The part of the lag spent before the feed delivered the event (see `measureLag`). */
  feedWait: Latency;
}

/**
 * Projection lag under a steady stream of writes through the CommandBus of the API's cases module: for every
 * write, the time from its acknowledgement to the commit of the projector batch that includes it. `feedWait` is
 * the part before the projector received the event: the poll interval, plus any time the feed held the event back
 * because some older transaction anywhere in the PostgreSQL cluster was still open (the feed's xmin rule).
 */
export async function measureLag(
  commandBus: CommandBus,
  pool: Pool,
  store: EventStore,
  options: LagOptions,
): Promise<LagResult> {
  const projector = new ObservedProjector(pool, store, { idleMs: options.idleMs });
  const acked = new Map<string, number>();
  const committed = new Map<string, number>();
  const received = new Map<string, number>();
  projector.onReceived = (batch) => {
    const at = performance.now();
    for (const event of batch.events) if (!received.has(event.eventId)) received.set(event.eventId, at);
  };
  projector.onCommitted = (batch) => {
    const at = performance.now();
    for (const event of batch.events) committed.set(event.eventId, at);
  };
  const actor = { id: randomUUID(), role: 'coordinator' as const };
  const write = async (caseId: string, command: CaseCommand): Promise<string> => {
    const eventId = randomUUID();
    const outcome = await commandBus.execute(
      new ExecuteCaseCommand(caseId, command, {
        actor,
        occurredAt: null,
        occurredAtPrecision: 'exact',
        correlationId: randomUUID(),
        idempotencyKey: null,
        expectedVersion: null,
        eventIds: () => eventId,
      }),
    );
    if (outcome.kind !== 'appended') throw new Error(`A lag probe write was not appended: ${outcome.kind}`);
    return eventId;
  };

  await projector.start();
  try {
    const caseIds = Array.from({ length: options.cases }, () => randomUUID());
    for (const [i, caseId] of caseIds.entries()) {
      await write(caseId, {
        type: 'OpenCase',
        detainee: { fullName: `Lag Probe ${i}`, nameVariants: [], sex: 'unknown', city: 'Almaty', vulnerabilities: [] },
        source: { kind: 'ngo' },
      });
    }
    const started = performance.now();
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < options.writes; i++) {
      const due = started + (i * 1000) / options.perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(
        write(caseIds[i % caseIds.length], steadyCommand(i)).then((eventId) => {
          acked.set(eventId, performance.now());
        }),
      );
    }
    await Promise.all(pending);
    const deadline = performance.now() + 30_000;
    while ([...acked.keys()].some((id) => !committed.has(id)) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await projector.stop();
  }
  const lags = [...acked].map(([id, at]) => Math.max(0, (committed.get(id) ?? Number.POSITIVE_INFINITY) - at));
  const waits = [...acked].map(([id, at]) => Math.max(0, (received.get(id) ?? Number.POSITIVE_INFINITY) - at));
  return { ...latency(lags), max: Math.max(...lags), feedWait: latency(waits) };
}

/** The everyday writes of an ongoing case, in turn. */
function steadyCommand(i: number): CaseCommand {
  switch (i % 3) {
    case 0:
      return { type: 'AddNote', text: 'Lawyer visited; no access to the case file.' };
    case 1:
      return { type: 'RecordAccessDenial', who: 'lawyer' };
    default:
      return { type: 'RecordMedicalFact', kind: 'need', details: 'Needs insulin.' };
  }
}
