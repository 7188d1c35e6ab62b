/**
 * Folding a case, rebuilding it at an instant, and verifying the whole store.
 *
 *   npm run bench:history            (BENCH_ROUNDS, BENCH_RUNS and BENCH_VERIFY_EVENTS adjust it)
 *
 * For cases of 50, 500 and 5,000 events (a realistic mix with late news and retractions):
 * - the fold alone, facts already in memory: BENCH_ROUNDS (at least 5) rounds take the three sizes in turn, so that
 *   the ratio's two sides are measured side by side; each sample folds about 50,000 facts (1,000 folds of 50, 100 of
 *   500, 10 of 5,000) and gives the time of one fold. It prints each size's median and the median of the rounds'
 *   ratios 5,000/500. Targets: 5,000 events under 15 ms, 500 under 1.5 ms, the ratio under 12 (a linear fold is 10);
 * - the median of BENCH_RUNS runs of the rebuild at an instant (in memory), and of the whole history read as the
 *   endpoint does it (read the stream from PostgreSQL, upcast, fold, cut at an instant on each axis). Aim: a 500-event
 *   history under 5 ms.
 * Then `verify --all`'s pass over 100,000 events in 1,000 streams: read every row in one snapshot, recompute every
 * hash, check every link.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { type CaseEvent, type CaseFact, caseHistory, foldFacts } from '../../libs/domain/src';
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
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 11));
const SIZES = [50, 500, 5_000];
/** Facts folded per sample of the fold: enough that a sample of the small cases is not one timer tick. */
const FACTS_PER_SAMPLE = 50_000;
const WARM_UP_ROUNDS = 2;
const FOLD_TARGETS_MS: Readonly<Record<number, number>> = { 500: 1.5, 5_000: 15 };
const RATIO_TARGET = 12;
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

interface FoldTimes {
  /** Per case, the median milliseconds of one fold. */
  medians: number[];
  /** The median over rounds of the round's 5,000-event time over its 500-event time. */
  ratio: number;
}

/**
 * ROUNDS rounds that take the cases in turn (in reverse order every other round), so that both sides of the ratio
 * are measured side by side; the ratio is taken within each round, then its median, which a busy machine disturbs
 * less than a ratio of two medians.
 */
function foldTimes(cases: readonly CaseFact[][]): FoldTimes {
  const samples: number[][] = cases.map(() => []);
  for (let round = -WARM_UP_ROUNDS; round < ROUNDS; round += 1) {
    const order = cases.map((_facts, i) => i);
    if (round % 2 !== 0) order.reverse();
    for (const i of order) {
      const facts = cases[i];
      const folds = Math.max(1, Math.round(FACTS_PER_SAMPLE / facts.length));
      const started = performance.now();
      for (let n = 0; n < folds; n += 1) foldFacts(facts);
      // The first rounds warm the JIT up and are not counted.
      if (round >= 0) samples[i].push((performance.now() - started) / folds);
    }
  }
  const [small, large] = [SIZES.indexOf(500), SIZES.indexOf(5_000)];
  return {
    medians: samples.map(median),
    ratio: median(samples[large].map((ms, round) => ms / samples[small][round])),
  };
}

function printFold({ medians, ratio }: FoldTimes): void {
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log(`in-memory fold (foldFacts), median of ${ROUNDS} interleaved rounds`);
  console.log('events       fold   target');
  SIZES.forEach((size, i) => {
    const target = FOLD_TARGETS_MS[size];
    const aim = target === undefined ? '' : `   < ${target} ms: ${verdict(medians[i] < target)}`;
    console.log(`${size.toLocaleString('en').padStart(6)} ${medians[i].toFixed(3).padStart(8)} ms${aim}`);
  });
  const ofMedians = medians[SIZES.indexOf(5_000)] / medians[SIZES.indexOf(500)];
  console.log(
    `ratio 5,000/500: ${ratio.toFixed(1)}   < ${RATIO_TARGET}: ${verdict(ratio < RATIO_TARGET)} ` +
      `(median of the rounds' ratios; ratio of the medians ${ofMedians.toFixed(1)}; a linear fold is 10)\n`,
  );
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const store = new PostgresEventStore(pool);
  try {
    const cases: Array<{ streamId: string; facts: CaseFact[] }> = [];
    for (const size of SIZES) {
      const { streamId, events } = synthesiseCase(size);
      await appendInChunks(store, streamId, events);
      cases.push({ streamId, facts: (await store.readStream(streamId)).map(toCaseFact) });
    }
    printFold(foldTimes(cases.map((c) => c.facts)));

    console.log(`history rebuild, median of ${RUNS} runs`);
    console.log('events   rebuild in memory   read from PostgreSQL + rebuild: recorded   occurred');
    for (const [i, size] of SIZES.entries()) {
      const { streamId, facts } = cases[i];
      const middle = facts[Math.floor(facts.length / 2)].meta.occurredAt;
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
      console.log(`${String(size).padStart(6)} ${ms(inMemory, 16)} ${ms(recorded, 37)} ${ms(occurred, 8)}`);
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
