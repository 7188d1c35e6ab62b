/**
 * Duplicate detection benchmark: what `possibleDuplicates` on POST /v1/cases costs at 100,000 cases, now that it
 * reads the just-opened cases (public.opened_case_names) beside the projected ones.
 *
 *   npm run bench:duplicates            (BENCH_CASES=20000 for a quicker run)
 *
 * 1. Opens BENCH_CASES cases (invented people, the seed's names and cities; a third opened by one of 200 lawyers)
 *    through the real decider into a fresh PostgreSQL event store, and projects them with `rebuildReadModels`.
 * 2. Times the write path's extra statement (recording a case's names) and the query, through the API's own
 *    handler, for a coordinator and for a lawyer, with the projector caught up and with it behind by 100, 1,000
 *    and 10,000 cases (their names waiting in opened_case_names). Each probe is another spelling of a person
 *    already recorded, so the query finds and scores real candidates. Prints medians and p99.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  type ActorRole,
  type CaseEvent,
  decide,
  initialCaseState,
  isDomainError,
  type OpenCase,
} from '@casetrack/domain';
import { caseStreamId, type NewEvent, PostgresEventStore, toNewCaseEvent } from '@casetrack/event-store';
import {
  FindPossibleDuplicatesHandler,
  FindPossibleDuplicatesQuery,
  recordOpenedCaseNames,
  type Viewer,
} from '@casetrack/read-model';
import { rebuildReadModels } from '../../apps/cli/src/rebuild/rebuild-read-models';
import { inventPerson, spellings } from '../../apps/cli/src/seed/invented-names';
import { CITIES } from '../../apps/cli/src/seed/places';
import { Random } from '../../apps/cli/src/seed/random';
import { createTestDatabase } from '../support/test-database';
import { type Latency, progressLine, timeRuns } from './projection/measure';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 300);
const BEHIND = [0, 100, 1_000, 10_000];
const LAWYERS = Array.from({ length: 200 }, () => randomUUID());

interface Actor {
  id: string;
  role: ActorRole;
}

interface Opened {
  caseId: string;
  command: OpenCase;
  actor: Actor;
  /** Another spelling of the same person: the probe that should find this case. */
  otherSpelling: string;
}

function inventCase(random: Random): Opened {
  const person = inventPerson(random);
  const [latin, cyrillic, variant] = spellings(person, random);
  const cyrillicFirst = random.chance(0.6);
  const actor: Actor = random.chance(0.33)
    ? { id: random.pick(LAWYERS), role: 'lawyer' }
    : { id: randomUUID(), role: 'coordinator' };
  const command: OpenCase = {
    type: 'OpenCase',
    detainee: {
      fullName: cyrillicFirst ? cyrillic : latin,
      nameVariants: [],
      sex: person.sex,
      city: random.weighted(CITIES),
      vulnerabilities: [],
    },
    source: { kind: 'relative' },
  };
  return { caseId: randomUUID(), command, actor, otherSpelling: cyrillicFirst ? variant : cyrillic };
}

/** The events the API would append for the command (the opener, if a lawyer, becomes the lead lawyer). */
function eventsOf({ command, actor }: Opened): CaseEvent[] {
  const now = new Date().toISOString();
  const decision = decide(command, initialCaseState, { now, occurredAt: now, occurredAtPrecision: 'exact', actor });
  if (isDomainError(decision)) throw new Error(`OpenCase refused: ${decision.code}`);
  return decision;
}

function stored(opened: Opened, events: readonly CaseEvent[]): NewEvent[] {
  const now = new Date().toISOString();
  const meta = {
    actorId: opened.actor.id,
    actorRole: opened.actor.role,
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: now,
    occurredAtPrecision: 'exact' as const,
  };
  return events.map((event) => toNewCaseEvent(randomUUID(), event, meta));
}

async function main(): Promise<void> {
  console.log(`Duplicates benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const random = new Random(20_220_106);
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 10 });
  const dataSource = new DataSource({ type: 'postgres', url: database.url });
  const store = new PostgresEventStore(pool);
  try {
    console.log(`\n1/2 Opening ${CASES} cases and projecting them…`);
    const recorded = await openCases(store, random);
    await pool.query('VACUUM (ANALYZE) events');
    const rebuild = await rebuildReadModels(pool, store, { waitForLiveMs: 0 });
    await pool.query('VACUUM (ANALYZE) read_model.cases');
    console.log(`    ${rebuild.events} events projected in ${rebuild.seconds.toFixed(1)} s`);

    console.log(`\n2/2 ${RUNS} runs per line…`);
    await dataSource.initialize();
    const handler = new FindPossibleDuplicatesHandler(dataSource);
    const rows: Array<[string, string]> = [];
    let position = Number((await pool.query<{ p: string }>('SELECT max(position) AS p FROM events')).rows[0].p);
    let waiting = 0;
    for (const behind of BEHIND) {
      // Cases the projector has not reached: their names wait in opened_case_names, positions past the checkpoint.
      const record = (): Promise<void> => {
        const opened = inventCase(random);
        const lawyerIds = opened.actor.role === 'lawyer' ? [opened.actor.id] : [];
        const { fullName, nameVariants, city } = opened.command.detainee;
        position += 2;
        waiting += 1;
        return recordOpenedCaseNames(dataSource, {
          caseId: opened.caseId,
          fullName,
          nameVariants,
          city,
          lawyerIds,
          version: lawyerIds.length + 1,
          position,
        });
      };
      const recording = await timeRuns(Math.max(0, behind - waiting), record);
      if (recording.runs > 0) rows.push([`record a case's names (${waiting} waiting)`, line(recording)]);
      await pool.query('ANALYZE public.opened_case_names');
      for (const role of ['coordinator', 'lawyer'] as const) {
        const { latency, found } = await timeQueries(handler, recorded, role, random);
        rows.push([`query, ${role}, projector ${behind} cases behind`, `${line(latency)}; found ${found} of ${RUNS}`]);
      }
    }

    console.log('\n| measure | result |');
    console.log('|---|---|');
    for (const [name, result] of rows) console.log(`| ${name} | ${result} |`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await pool.end();
    await database.drop();
  }
}

async function openCases(store: PostgresEventStore, random: Random): Promise<Opened[]> {
  const all = Array.from({ length: CASES }, () => inventCase(random));
  const progress = progressLine('opened', CASES, 'cases', 20_000);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const opened = all[next++];
      await store.append(caseStreamId(opened.caseId), stored(opened, eventsOf(opened)), 'no_stream');
      progress(1);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return all;
}

/** Probes with another spelling of a recorded person, as the viewer who opened that case (or a coordinator). */
async function timeQueries(
  handler: FindPossibleDuplicatesHandler,
  recorded: readonly Opened[],
  role: 'coordinator' | 'lawyer',
  random: Random,
): Promise<{ latency: Latency; found: number }> {
  const pool = recorded.filter((o) => role === 'coordinator' || o.actor.role === 'lawyer');
  let found = 0;
  const probe = async (): Promise<void> => {
    const target = random.pick(pool);
    const viewer: Viewer = role === 'lawyer' ? target.actor : { id: randomUUID(), role: 'coordinator' };
    const detainee = target.command.detainee;
    const query = new FindPossibleDuplicatesQuery(
      viewer,
      { fullName: target.otherSpelling, nameVariants: [], city: detainee.city },
      randomUUID(),
    );
    const answer = await handler.execute(query);
    if (answer.some((d) => d.caseId === target.caseId)) found += 1;
  };
  await timeRuns(20, probe);
  found = 0;
  return { latency: await timeRuns(RUNS, probe), found };
}

function line(l: Latency): string {
  return `p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms (${l.runs} runs)`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
