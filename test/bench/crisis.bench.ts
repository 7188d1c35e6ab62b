/**
 * A crackdown's first week through the HTTP API, held without losing a name (issue 17, item 3).
 *
 *   npm run bench:crisis        (BENCH_PEOPLE=10000, BENCH_VOLUNTEERS=50, BENCH_READERS=5, BENCH_IMPORT_ROWS=10000)
 *
 * 1. Starts the service as a child process with every role (api, projector, worker, as `npm start` runs them) on a
 *    fresh database, dropped at the end; the worker delivers reminders to an SMTP server in this process.
 * 2. BENCH_VOLUNTEERS volunteers (their own accounts: four coordinators to one lawyer) enter BENCH_PEOPLE people, each
 *    report with an opened case (Kazakh and Russian names, Cyrillic or Latin), the detention, a charge and a hearing,
 *    and for some hearings already held the outcome. 20% of the people are reported a second time, later in the run,
 *    by another volunteer (a coordinator), in the other script, another word order, without the patronymic or with a
 *    typo. Every write carries an Idempotency-Key; a write that times out or answers 5xx, 409 or 429 is sent again
 *    with the same key (counted).
 * 3. Meanwhile BENCH_READERS coordinators read the board's first page (filters and sorts in turn) and search by a
 *    recorded name written in the other script, in a loop.
 * 4. Reports writes/s, p50/p99 per route, answers by status, the share of twice-reported pairs whose second report
 *    listed the first among its `possibleDuplicates`, acknowledged writes missing from the events table (by position,
 *    stream, version and idempotency key) or appended by two requests, and the projector's lag when the writes end.
 * 5. Imports a list of BENCH_IMPORT_ROWS new people (a UTF-8 CSV with a BOM, `;`, Russian headers, as Excel saves
 *    it): upload, dry run, commit, polled until done; the service's peak RSS meanwhile and the board's p99 while the
 *    commit runs. The dry run's possible duplicates are committed as new cases (the rows are invented people).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Pool } from 'pg';
import { caseStreamId } from '@casetrack/event-store';
import { ProgressBar } from '../../apps/cli/src/common/progress-bar';
import { placesOf, CRIMINAL_ARTICLES, ADMINISTRATIVE_ARTICLES } from '../../apps/cli/src/seed/places';
import { Random } from '../../apps/cli/src/seed/random';
import { deleteRedisKeys } from '../browser/support/service';
import { SmtpSink } from '../reminders/support/smtp-sink';
import { createTestDatabase } from '../support/test-database';
import { latency } from './projection/measure';
import {
  type CrisisPerson,
  crisisPerson,
  secondSpelling,
  VARIANT_KINDS,
  type VariantKind,
} from './support/crisis-people';
import { crisisList } from './support/crisis-list';
import { type Answer, BenchClient, TimeoutError } from './support/http-client';
import { type Child, startService } from './support/service-child';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const VOLUNTEERS = Math.max(2, Number(process.env.BENCH_VOLUNTEERS ?? 50));
const READERS = Number(process.env.BENCH_READERS ?? 5);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const TWICE_SHARE = 0.2;
/** A write without an answer after this long is sent again with its key. */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30_000);
const ATTEMPTS = 6;
const ADMIN = { email: 'crisis-admin@casetrack.test', password: 'crisis-admin-password' };
const PASSWORD = 'a-long-crisis-bench-password';
const HOUR = 3_600_000;

type WriteRoute = 'open' | 'detention' | 'charge' | 'hearing' | 'outcome';
type ReadRoute = 'list' | 'search' | 'list during the import';
type Route = WriteRoute | ReadRoute;
const ROUTES: readonly Route[] = ['open', 'detention', 'charge', 'hearing', 'outcome', 'list', 'search'];

interface Volunteer {
  index: number;
  role: 'coordinator' | 'lawyer';
  token: string;
}

/** One report of a person as a volunteer enters it; a second report names the first. */
interface Report {
  key: string;
  volunteer: number;
  person: CrisisPerson;
  spelling: string;
  detainedAt: number;
  hearingAt: number;
  /** Only for hearings already held, on first reports. */
  withOutcome: boolean;
  first: Report | null;
  kind: VariantKind | null;
  /** Resolves with the case id once the open is acknowledged (null if it never was). */
  opened: Promise<string | null>;
  open(caseId: string | null): void;
}

interface Acknowledged {
  key: string;
  caseId: string;
  version: number;
  position: number;
}

/** What the run measured, filled by volunteers and readers alike. */
class Tally {
  readonly times = new Map<Route, number[]>();
  readonly statuses = new Map<string, number>();
  readonly acknowledged: Acknowledged[] = [];
  retries = 0;
  timeouts = 0;
  abandoned = 0;
  readonly flagged = new Map<VariantKind, { pairs: number; flagged: number }>(
    VARIANT_KINDS.map((kind) => [kind, { pairs: 0, flagged: 0 }]),
  );
  firstsWithCandidates = 0;
  firsts = 0;
  searches = { asked: 0, found: 0 };

  time(route: Route, ms: number): void {
    const list = this.times.get(route) ?? [];
    list.push(ms);
    this.times.set(route, list);
  }

  status(route: Route, status: number | string): void {
    const key = `${status} ${route}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

function planReports(random: Random, volunteers: readonly Volunteer[]): Report[] {
  const now = Date.now();
  const coordinators = volunteers.filter((v) => v.role === 'coordinator').map((v) => v.index);
  const due: Array<{ at: number; report: Report }> = [];
  const report = (fields: Omit<Report, 'opened' | 'open'>): Report => {
    let open: (caseId: string | null) => void = () => undefined;
    const opened = new Promise<string | null>((resolve) => (open = resolve));
    return { ...fields, opened, open };
  };
  // A second report comes well after the first: at least a few rounds of every volunteer later.
  const minGap = Math.min(Math.floor(PEOPLE / 3), VOLUNTEERS * 4);
  for (let i = 0; i < PEOPLE; i++) {
    const person = crisisPerson(random);
    // The crackdown's week: detained up to six days ago, before a judge one to three days later.
    const detainedAt = now - random.int(2, 6 * 24) * HOUR - random.int(0, 59) * 60_000;
    const hearingAt = detainedAt + random.int(20, 72) * HOUR;
    const first = report({
      key: `p${i}`,
      volunteer: i % VOLUNTEERS,
      person,
      spelling: person.firstSpelling,
      detainedAt,
      hearingAt,
      withOutcome: hearingAt < now - HOUR && random.chance(0.7),
      first: null,
      kind: null,
    });
    due.push({ at: i, report: first });
    if (!random.chance(TWICE_SHARE)) continue;
    const others = coordinators.filter((v) => v !== first.volunteer);
    const { spelling, kind } = secondSpelling(person, random.pick(VARIANT_KINDS), random);
    const second = report({
      key: `p${i}-again`,
      volunteer: random.pick(others.length > 0 ? others : coordinators),
      person,
      spelling,
      detainedAt,
      hearingAt,
      withOutcome: false,
      first,
      kind,
    });
    due.push({ at: i + random.int(minGap, Math.max(minGap, Math.floor(PEOPLE / 2))) + 0.5, report: second });
  }
  return due.sort((a, b) => a.at - b.at).map((d) => d.report);
}

// ---------------------------------------------------------------------------------------------------------------
// Volunteers

class Intake {
  constructor(
    private readonly client: BenchClient,
    private readonly tally: Tally,
    private readonly random: Random,
  ) {}

  /**
   * One write, sent again with its key after a timeout, a network error, 5xx, 409 or 429; the answer's JSON once
   * acknowledged, null if refused or never answered.
   */
  async write(
    route: WriteRoute,
    volunteer: Volunteer,
    path: string,
    body: unknown,
    key: string,
  ): Promise<Record<string, unknown> | null> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        this.tally.retries += 1;
        await sleep(100 * attempt);
      }
      const t0 = performance.now();
      let answer: Answer;
      try {
        answer = await this.client.call(path, {
          token: volunteer.token,
          body,
          headers: { 'idempotency-key': key },
          timeoutMs: TIMEOUT_MS,
        });
      } catch (error) {
        if (error instanceof TimeoutError) this.tally.timeouts += 1;
        this.tally.status(route, error instanceof TimeoutError ? 'timeout' : 'network error');
        continue;
      }
      this.tally.time(route, performance.now() - t0);
      if (answer.status === 200 || answer.status === 201) {
        const json = JSON.parse(answer.body) as Record<string, unknown>;
        const { caseId, version, position } = json as { caseId: string; version: number; position: number };
        this.tally.acknowledged.push({ key, caseId, version, position });
        return json;
      }
      this.tally.status(route, answer.status);
      const retried = answer.status >= 500 || answer.status === 409 || answer.status === 429;
      if (!retried) {
        process.stderr.write(`  ${route} refused: ${answer.status} ${answer.body.slice(0, 200)}\n`);
        return null;
      }
    }
    return null;
  }

  /** The report's writes in order; returns how many were acknowledged. */
  async enter(report: Report, volunteer: Volunteer): Promise<number> {
    const { person, key } = report;
    const firstCaseId = report.first === null ? null : await report.first.opened;
    const opened = await this.write(
      'open',
      volunteer,
      '/v1/cases',
      {
        detainee: { fullName: report.spelling, nameVariants: [], sex: person.person.sex, city: person.city },
        source: { kind: this.random.pick(['relative', 'witness', 'ngo', 'media'] as const) },
      },
      `${key}:open`,
    );
    const caseId = (opened?.caseId as string | undefined) ?? null;
    report.open(caseId);
    if (opened === null || caseId === null) {
      this.tally.abandoned += 1;
      return 0;
    }
    this.countDuplicates(report, opened, firstCaseId);
    const places = placesOf(person.city);
    const criminal = this.random.chance(0.6);
    const article = criminal ? this.random.pick(CRIMINAL_ARTICLES) : this.random.pick(ADMINISTRATIVE_ARTICLES);
    const steps: Array<[WriteRoute, string, Record<string, unknown>]> = [
      [
        'detention',
        `/v1/cases/${caseId}/detention`,
        {
          city: person.city,
          place: places.square,
          authority: this.random.pick(['police', 'national_guard', 'special_forces', 'unknown'] as const),
          occurredAt: iso(report.detainedAt),
        },
      ],
      [
        'charge',
        `/v1/cases/${caseId}/charges`,
        {
          code: criminal ? 'criminal' : 'administrative',
          article: article.article,
          ...(article.part ? { part: article.part } : {}),
          title: article.title,
        },
      ],
      [
        'hearing',
        `/v1/cases/${caseId}/hearings`,
        {
          kind: criminal ? 'preventive_measure' : 'other',
          court: places.court(this.random),
          scheduledAt: iso(report.hearingAt),
        },
      ],
    ];
    let written = 1;
    let hearingId: string | null = null;
    for (const [route, path, body] of steps) {
      const answer = await this.write(route, volunteer, path, body, `${key}:${route}`);
      if (answer === null) {
        this.tally.abandoned += 1;
        return written;
      }
      written += 1;
      if (route === 'hearing') hearingId = answer.hearingId as string;
    }
    if (report.withOutcome && hearingId !== null) {
      const outcome = await this.write(
        'outcome',
        volunteer,
        `/v1/cases/${caseId}/hearings/${hearingId}/outcome`,
        {
          outcome: criminal ? 'Арест на два месяца' : 'Административный арест, 15 суток',
          durationMinutes: this.random.int(3, 15),
          defendantHeard: this.random.chance(0.4),
          lawyerPresent: this.random.chance(0.6),
          occurredAt: iso(report.hearingAt + 10 * 60_000),
        },
        `${key}:outcome`,
      );
      if (outcome !== null) written += 1;
    }
    return written;
  }

  private countDuplicates(report: Report, opened: Record<string, unknown>, firstCaseId: string | null): void {
    const candidates = (opened.possibleDuplicates as Array<{ caseId: string }> | undefined) ?? [];
    if (report.first === null || report.kind === null) {
      this.tally.firsts += 1;
      if (candidates.length > 0) this.tally.firstsWithCandidates += 1;
      return;
    }
    if (firstCaseId === null) return;
    const counts = this.tally.flagged.get(report.kind);
    if (counts === undefined) return;
    counts.pairs += 1;
    if (candidates.some((c) => c.caseId === firstCaseId)) counts.flagged += 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Coordinators reading the board

const BOARD_FILTERS: ReadonlyArray<Record<string, string>> = [
  {},
  { status: 'in_police_custody' },
  { city: 'Almaty', sort: '-lastRecordedAt' },
  { sort: 'fullName' },
  { status: 'in_pretrial_detention', city: 'Shymkent' },
  { closed: 'false', sort: 'detainedAt' },
  { article: '272' },
];

interface Searchable {
  caseId: string;
  name: string;
  at: number;
}

/** How many of `searchable` (in the order they were recorded) were recorded before `before`. */
function settledCount(searchable: readonly Searchable[], before: number): number {
  let low = 0;
  let high = searchable.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (searchable[mid].at < before) low = mid + 1;
    else high = mid;
  }
  return low;
}

class Readers {
  private running = true;
  /** Set while an import commits: the board's times go to their own line. */
  importing = false;
  private readonly loops: Array<Promise<void>>;

  constructor(
    private readonly client: BenchClient,
    private readonly tally: Tally,
    private readonly searchable: Searchable[],
    tokens: readonly string[],
    random: Random,
  ) {
    this.loops = tokens.map((token) => this.loop(token, random));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(token: string, random: Random): Promise<void> {
    for (let turn = 0; this.running; turn++) {
      const filters = BOARD_FILTERS[turn % BOARD_FILTERS.length];
      const list: ReadRoute = this.importing ? 'list during the import' : 'list';
      await this.read(list, token, `/v1/cases?${new URLSearchParams({ ...filters, pageSize: '20' }).toString()}`);
      if (this.importing) continue;
      // A person recorded at least five seconds ago (the projector's lag aside), by the other script's spelling.
      const settled = settledCount(this.searchable, performance.now() - 5_000);
      if (settled === 0) continue;
      const target = this.searchable[random.int(0, settled - 1)];
      const found = await this.read('search', token, `/v1/cases?${new URLSearchParams({ q: target.name }).toString()}`);
      this.tally.searches.asked += 1;
      const items = (found?.items as Array<{ caseId: string }> | undefined) ?? [];
      if (items.some((item) => item.caseId === target.caseId)) this.tally.searches.found += 1;
    }
  }

  private async read(route: ReadRoute, token: string, path: string): Promise<Record<string, unknown> | null> {
    const t0 = performance.now();
    try {
      const answer = await this.client.call(path, { token, timeoutMs: TIMEOUT_MS });
      this.tally.time(route, performance.now() - t0);
      if (answer.status === 200) return JSON.parse(answer.body) as Record<string, unknown>;
      this.tally.status(route, answer.status);
    } catch (error) {
      this.tally.status(route, error instanceof TimeoutError ? 'timeout' : 'network error');
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// After the run

/** Acknowledged writes whose event is not in the events table at the answered position, stream, version and key. */
async function lostWrites(pool: Pool, acknowledged: readonly Acknowledged[]): Promise<number> {
  let lost = 0;
  for (let i = 0; i < acknowledged.length; i += 5_000) {
    const chunk = acknowledged.slice(i, i + 5_000);
    const { rows } = await pool.query<{ lost: number }>(
      `SELECT count(*)::int AS lost
         FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[]) AS a(position, stream_id, version, key)
        WHERE NOT EXISTS (
          SELECT 1 FROM events e
           WHERE e.position = a.position AND e.stream_id = a.stream_id AND e.version = a.version
             AND e.metadata->>'idempotencyKey' = a.key)`,
      [
        chunk.map((a) => String(a.position)),
        chunk.map((a) => caseStreamId(a.caseId)),
        chunk.map((a) => a.version),
        chunk.map((a) => a.key),
      ],
    );
    lost += rows[0].lost;
  }
  return lost;
}

/**
 * Acknowledged writes whose key's events came from more than one request (each request has its own correlation id):
 * a write re-sent after a timeout and appended again.
 */
async function recordedTwice(pool: Pool, acknowledged: readonly Acknowledged[]): Promise<number> {
  let twice = 0;
  for (let i = 0; i < acknowledged.length; i += 5_000) {
    const chunk = acknowledged.slice(i, i + 5_000);
    const { rows } = await pool.query<{ twice: number }>(
      `SELECT count(*)::int AS twice FROM (
         SELECT a.stream_id, a.key
           FROM unnest($1::text[], $2::text[]) AS a(stream_id, key)
           JOIN events e ON e.stream_id = a.stream_id AND e.metadata->>'idempotencyKey' = a.key
          GROUP BY a.stream_id, a.key
         HAVING count(DISTINCT e.metadata->>'correlationId') > 1) keys`,
      [chunk.map((a) => caseStreamId(a.caseId)), chunk.map((a) => a.key)],
    );
    twice += rows[0].twice;
  }
  return twice;
}

interface Lag {
  events: number;
  seconds: number;
}

/** The projector's lag as /health tells a signed-in admin. */
async function projectorLag(client: BenchClient, adminToken: string): Promise<Lag | null> {
  const answer = await client.call('/health', { token: adminToken });
  const health = JSON.parse(answer.body) as { checks?: { projector?: { lag?: Lag } } };
  return health.checks?.projector?.lag ?? null;
}

/** Milliseconds until the projector has every event, polled every 50 ms (null: not within two minutes). */
async function catchUp(client: BenchClient, adminToken: string): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < 120_000) {
    const lag = await projectorLag(client, adminToken);
    if (lag !== null && lag.events === 0) return performance.now() - t0;
    await sleep(50);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The import

type Lines = Array<[string, string]>;

/** Megabytes of the process's resident set (VmRSS) from /proc. */
function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) / 1024;
}

async function importList(
  service: Child,
  client: BenchClient,
  token: string,
  readers: Readers,
  random: Random,
): Promise<Lines> {
  const pid = service.process.pid;
  if (pid === undefined) throw new Error('the service has no process id');
  const file = crisisList(IMPORT_ROWS, random);
  const before = residentMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid))), 100);
  try {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'spisok-zaderzhannyh.csv');
    form.append('timeZone', 'Asia/Almaty');
    let t0 = performance.now();
    const uploaded = await fetch(`http://127.0.0.1:${service.port}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const uploadMs = performance.now() - t0;
    if (uploaded.status !== 201) {
      throw new Error(`POST /v1/imports answered ${uploaded.status}: ${(await uploaded.text()).slice(0, 300)}`);
    }
    const upload = (await uploaded.json()) as { importId: string; rows: number; suggestedMapping: object };
    const base = `/v1/imports/${upload.importId}`;
    const mapping = upload.suggestedMapping;

    t0 = performance.now();
    const checked = await succeeded(client.call(`${base}/dry-run`, { token, body: { mapping } }));
    const dryRunMs = performance.now() - t0;
    const outcomes = new Map<string, number>();
    // The rows are invented people: one that looks like a recorded case is a namesake, recorded as a new case, as
    // the coordinator would decide after a look.
    const decisions: Record<string, 'new'> = {};
    for (const row of (checked.rows as Array<{ row: number; outcome: string }> | undefined) ?? []) {
      outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
      if (row.outcome === 'duplicate') decisions[String(row.row)] = 'new';
    }

    readers.importing = true;
    t0 = performance.now();
    const progress = new ProgressBar(upload.rows, 'import', process.stderr, { unit: 'rows' });
    await client.expect(202, `${base}/commit`, { token, body: { mapping, decisions } });
    let state: { status: string; rows: number; recorded: number; skipped: number; rejected: number };
    for (;;) {
      state = (await client.expect(200, base, { token })) as typeof state;
      progress.advance(state.recorded + state.skipped + state.rejected - progress.done);
      if (state.status === 'done' || state.status === 'failed') break;
      await sleep(250);
    }
    const commitMs = performance.now() - t0;
    readers.importing = false;
    progress.finish();
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    return [
      ['import: the file', `${upload.rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB (UTF-8, BOM, ";")`],
      ['import: upload', s(uploadMs)],
      [
        'import: dry run',
        `${s(dryRunMs)}; ${[...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ')} (duplicates ` +
          'committed as new cases: the rows are invented people)',
      ],
      [
        'import: commit until done',
        `${s(commitMs)}, ${Math.round(upload.rows / (commitMs / 1000))} rows/s; ${state.status}: recorded ` +
          `${state.recorded}, skipped ${state.skipped}, rejected ${state.rejected}`,
      ],
      [
        'import: service RSS',
        `${before.toFixed(0)} MB before the upload, peak ${peak.toFixed(0)} MB during it (from the sources under ` +
          "ts-node: its compiler's memory included)",
      ],
    ];
  } finally {
    readers.importing = false;
    clearInterval(sampler);
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const began = performance.now();
  console.log(
    `Crisis benchmark: ${PEOPLE} people, ${VOLUNTEERS} volunteers, ${READERS} readers, ${IMPORT_ROWS}-row import; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`,
  );
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 2 });
  let service: Child | null = null;
  let http: BenchClient | null = null;
  // The worker delivers the hearings' reminders to the volunteers, as a deployment's mail server would take them.
  const smtp = await SmtpSink.start();
  try {
    console.log('\n1/4 Starting the service (api, projector, worker) and making the accounts…');
    service = await startService({
      SMTP_URL: smtp.url,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      ROLES: 'api,projector,worker',
      // As `npm start` runs it (NODE_ENV=test turns the thread off by default).
      PROJECTOR_THREAD: 'true',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    http = new BenchClient(service.port, VOLUNTEERS + READERS + 8);
    const api = http;
    const adminToken = await api.signIn(ADMIN.email, ADMIN.password);
    const volunteers: Volunteer[] = [];
    for (let v = 0; v < VOLUNTEERS; v++) {
      const role = v % 5 === 4 ? 'lawyer' : 'coordinator';
      const { token } = await api.account(adminToken, {
        email: `volunteer-${v}@casetrack.test`,
        password: PASSWORD,
        name: `Volunteer ${v}`,
        role,
      });
      volunteers.push({ index: v, role, token });
    }
    const readerTokens: string[] = [];
    for (let r = 0; r <= READERS; r++) {
      const { token } = await api.account(adminToken, {
        email: `reader-${r}@casetrack.test`,
        password: PASSWORD,
        name: `Coordinator ${r}`,
        role: 'coordinator',
      });
      readerTokens.push(token);
    }
    const importToken = readerTokens.pop() as string;

    const random = new Random(20_220_105);
    const reports = planReports(random, volunteers);
    const reportedTwice = reports.filter((r) => r.first !== null).length;
    console.log(
      `\n2/4 ${reports.length} reports (${PEOPLE} people, ${reportedTwice} of them twice) by ${VOLUNTEERS} volunteers, ` +
        `${READERS} coordinators reading the board…`,
    );
    const tally = new Tally();
    const intake = new Intake(api, tally, random);
    const searchable: Searchable[] = [];
    const readers = new Readers(api, tally, searchable, readerTokens, random);
    const queues = volunteers.map((v) => reports.filter((r) => r.volunteer === v.index));
    const progress = new ProgressBar(reports.length, 'intake', process.stderr, { unit: 'reports', also: 'writes' });
    const t0 = performance.now();
    await Promise.all(
      volunteers.map(async (volunteer) => {
        for (const report of queues[volunteer.index]) {
          const written = await intake.enter(report, volunteer);
          const caseId = await report.opened;
          if (report.first === null && caseId !== null) {
            searchable.push({ caseId, name: report.person.otherScript, at: performance.now() });
          }
          progress.advance(1, written);
        }
      }),
    );
    const intakeSeconds = (performance.now() - t0) / 1000;
    progress.finish();
    const lagAtEnd = await projectorLag(api, adminToken);
    const catchUpMs = await catchUp(api, adminToken);

    console.log('\n3/4 Checking every acknowledged write against the events table…');
    const lost = await lostWrites(pool, tally.acknowledged);
    const twice = await recordedTwice(pool, tally.acknowledged);

    console.log(`\n4/4 Importing a list of ${IMPORT_ROWS} people while the coordinators read the board…`);
    const imported = await importList(service, api, importToken, readers, random);
    await readers.stop();

    printSummary(tally, {
      intakeSeconds,
      lost,
      twice,
      lagAtEnd,
      catchUpMs,
      imported,
      reports: reports.length,
      mails: smtp.mails.length,
    });
    console.log(`\nTotal ${((performance.now() - began) / 60_000).toFixed(1)} min`);
  } finally {
    await service?.stop();
    await smtp.close();
    http?.close();
    await pool.end();
    await deleteRedisKeys(`casetrack:${database.name}:`);
    await database.drop();
  }
}

function printSummary(
  tally: Tally,
  run: {
    intakeSeconds: number;
    lost: number;
    twice: number;
    lagAtEnd: Lag | null;
    catchUpMs: number | null;
    imported: Lines;
    reports: number;
    mails: number;
  },
): void {
  const ms = (n: number): string => n.toFixed(1);
  const pct = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)}%`;
  const writes = tally.acknowledged.length;
  const lines: Lines = [
    ['reports entered', `${run.reports} (${tally.abandoned} stopped at a refused write)`],
    [
      'writes acknowledged',
      `${writes} in ${run.intakeSeconds.toFixed(1)} s: ${Math.round(writes / run.intakeSeconds)} writes/s`,
    ],
  ];
  for (const route of [...ROUTES, 'list during the import' as const]) {
    const times = tally.times.get(route);
    if (times === undefined || times.length === 0) continue;
    const l = latency(times);
    lines.push([`${route}`, `p50 ${ms(l.p50)} ms, p99 ${ms(l.p99)} ms (${l.runs} answers)`]);
  }
  const errors = [...tally.statuses].sort((a, b) => b[1] - a[1]);
  lines.push(['answers other than 2xx', errors.length === 0 ? '0' : errors.map(([k, n]) => `${k}: ${n}`).join(', ')]);
  lines.push(['writes sent again with their key', `${tally.retries} (of them after a timeout: ${tally.timeouts})`]);
  let pairs = 0;
  let flagged = 0;
  const byKind: string[] = [];
  for (const [kind, counts] of tally.flagged) {
    pairs += counts.pairs;
    flagged += counts.flagged;
    byKind.push(`${kind} ${counts.flagged}/${counts.pairs}`);
  }
  lines.push([
    'twice-reported pairs flagged at intake',
    `${flagged}/${pairs} = ${pct(flagged, pairs)} (target ≥ 95%); by difference: ${byKind.join(', ')}`,
  ]);
  lines.push([
    'first reports with any possible duplicate',
    `${tally.firstsWithCandidates}/${tally.firsts} = ${pct(tally.firstsWithCandidates, tally.firsts)} ` +
      '(namesakes in one city: the generated names repeat)',
  ]);
  lines.push([
    'search in the other script found the case',
    `${tally.searches.found}/${tally.searches.asked} = ${pct(tally.searches.found, tally.searches.asked)}`,
  ]);
  lines.push(['acknowledged writes lost', `${run.lost} of ${writes}`]);
  lines.push(['acknowledged writes recorded twice', `${run.twice} of ${writes}`]);
  lines.push([
    'projector lag when the writes ended',
    run.lagAtEnd === null
      ? 'not answered by /health'
      : `${run.lagAtEnd.events} events, ${run.lagAtEnd.seconds.toFixed(1)} s; caught up ` +
        (run.catchUpMs === null ? 'not within 2 min' : `${(run.catchUpMs / 1000).toFixed(1)} s later`),
  ]);
  lines.push(['reminder mails the worker delivered meanwhile', String(run.mails)]);
  lines.push(...run.imported);
  console.log(`\nLoad average ${os.loadavg()[0].toFixed(2)} at the end:\n`);
  console.log('| measure | result |');
  console.log('|---|---|');
  for (const [name, result] of lines) console.log(`| ${name} | ${result} |`);
}

/** The JSON of a 200 or 201 answer; anything else throws with the start of the body. */
async function succeeded(answer: Promise<Answer>): Promise<Record<string, unknown>> {
  const { status, body } = await answer;
  if (status !== 200 && status !== 201) throw new Error(`expected 200 or 201, got ${status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as Record<string, unknown>;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
