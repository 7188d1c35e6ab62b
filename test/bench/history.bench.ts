/**
 * Rebuilding a case at an instant, and verifying the whole store.
 *
 *   npm run bench:history            (BENCH_RUNS and BENCH_VERIFY_EVENTS adjust it)
 *
 * For cases of 50, 500 and 5,000 events (a realistic mix with late news and retractions), the median of several runs
 * of: the fold alone and the rebuild at an instant (facts already in memory), and the whole history read as the
 * endpoint does it (read the stream from PostgreSQL, upcast, fold, cut at an instant on each axis). Then `verify --all`'s pass over 100,000 events in 1,000 streams: read every
 * row in one snapshot, recompute every hash, check every link. Aim: a 500-event history under 5 ms.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type CaseEvent, caseHistory, foldFacts } from '../../libs/domain/src';
import {
  caseStreamId,
  PostgresEventStore,
  toCaseFact,
  toNewCaseEvent,
  type NewEvent,
} from '../../libs/event-store/src';
import { verifyStore } from '../../apps/cli/src/verify/store-verification';
import { createTestDatabase } from '../support/test-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SIZES = [50, 500, 5_000];
const VERIFY_EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 100_000);
const STREAM_LENGTH = 100;
const START = Date.UTC(2022, 0, 5);
const HOUR = 3_600_000;

/** The n-th fact of a synthetic case: custody moves, hearings, notes, medical facts, late news, retractions. */
function caseEvent(n: number, eventIds: string[]): CaseEvent {
  const hearingId = `00000000-0000-4000-8000-${String(Math.floor(n / 10)).padStart(12, '0')}`;
  switch (n % 10) {
    case 0:
      return { type: 'DetentionRecorded', data: { city: 'Almaty', place: 'Republic Square', authority: 'police' } };
    case 1:
      return {
        type: 'DetaineeTransferred',
        data: { facility: { name: `SI-${n}`, city: 'Almaty', kind: 'pretrial_detention' } },
      };
    case 2:
      return {
        type: 'HearingScheduled',
        data: {
          hearingId,
          kind: 'measure_extension',
          court: 'Almaly court',
          scheduledAt: new Date(START + n * HOUR).toISOString(),
        },
      };
    case 3:
      return {
        type: 'HearingHeld',
        data: { hearingId, outcome: 'extended', durationMinutes: 4, defendantHeard: false },
      };
    case 4:
      return { type: 'NoteAdded', data: { text: `Visit ${n}: the lawyer was kept waiting four hours` } };
    case 5:
      return { type: 'AccessDenied', data: { who: 'lawyer', details: 'quarantine' } };
    case 6:
      return { type: 'MedicalFactRecorded', data: { kind: 'need', details: 'insulin twice a day' } };
    case 7:
      // Retract the access denial two facts back.
      return { type: 'FactRetracted', data: { eventId: eventIds[n - 2], reason: 'recorded on the wrong case' } };
    case 8:
      return { type: 'WhereaboutsUnknownReported', data: { reportedBy: 'relative' } };
    default:
      return { type: 'Released', data: { grounds: 'other' } };
  }
}

function synthesiseCase(size: number): { streamId: string; events: NewEvent[] } {
  const eventIds: string[] = [];
  const events: NewEvent[] = [];
  const opened: CaseEvent = {
    type: 'CaseOpened',
    data: {
      detainee: {
        fullName: 'Жолатов Арман',
        nameVariants: ['Zholatov'],
        sex: 'male',
        city: 'Almaty',
        vulnerabilities: [],
      },
      source: { kind: 'relative' },
    },
  };
  for (let n = 0; n < size; n += 1) {
    const event = n === 0 ? opened : caseEvent(n, eventIds);
    const eventId = randomUUID();
    eventIds.push(eventId);
    // Every fifth fact is late news: it happened a day before the facts around it.
    const occurredAt = new Date(START + n * HOUR - (n % 5 === 0 ? 24 * HOUR : 0)).toISOString();
    events.push(
      toNewCaseEvent(eventId, event, {
        actorId: randomUUID(),
        actorRole: 'lawyer',
        correlationId: randomUUID(),
        causationId: null,
        occurredAt,
        occurredAtPrecision: 'exact',
      }),
    );
  }
  return { streamId: caseStreamId(randomUUID()), events };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, task: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i += 1) await task(); // warm up the JIT and the prepared statements
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function appendInChunks(store: PostgresEventStore, streamId: string, events: NewEvent[]): Promise<void> {
  for (let from = 0; from < events.length; from += 500) {
    await store.append(streamId, events.slice(from, from + 500), from === 0 ? 'no_stream' : from);
  }
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const store = new PostgresEventStore(pool);
  try {
    console.log(`history rebuild, median of ${RUNS} runs`);
    console.log('events   fold       rebuild in memory   read from PostgreSQL + rebuild: recorded   occurred');
    for (const size of SIZES) {
      const { streamId, events } = synthesiseCase(size);
      await appendInChunks(store, streamId, events);
      const stored = await store.readStream(streamId);
      const facts = stored.map(toCaseFact);
      const middle = facts[Math.floor(facts.length / 2)].meta.occurredAt;
      const fold = await time(RUNS, () => foldFacts(facts));
      const inMemory = await time(RUNS, () => caseHistory(foldFacts(facts), middle, 'occurred'));
      const read = async (axis: 'recorded' | 'occurred') => {
        const recorded = await store.readStream(streamId);
        return caseHistory(
          foldFacts(recorded.map(toCaseFact)),
          axis === 'recorded' ? new Date().toISOString() : middle,
          axis,
        );
      };
      const recorded = await time(RUNS, () => read('recorded'));
      const occurred = await time(RUNS, () => read('occurred'));
      const ms = (value: number, width: number) => `${value.toFixed(2).padStart(width)} ms`;
      console.log(
        `${String(size).padStart(6)} ${ms(fold, 7)} ${ms(inMemory, 14)} ${ms(recorded, 37)} ${ms(occurred, 8)}`,
      );
    }

    const streams = Math.ceil(VERIFY_EVENTS / STREAM_LENGTH);
    process.stderr.write(`appending ${streams * STREAM_LENGTH} events in ${streams} streams...\n`);
    const { events: template } = synthesiseCase(STREAM_LENGTH);
    for (let s = 0; s < streams; s += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, streams - s) }, () =>
          store.append(
            caseStreamId(randomUUID()),
            template.map((e) => ({ ...e, eventId: randomUUID() })),
            'no_stream',
          ),
        ),
      );
    }
    const started = performance.now();
    const report = await verifyStore(pool, { progress: process.stderr });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `verify --all: ${report.events} events in ${report.streams} streams in ${seconds.toFixed(2)} s ` +
        `(${Math.round(report.events / seconds)} events/s), ${report.broken.length} broken`,
    );
  } finally {
    await store.close();
    await pool.end();
    await database.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
