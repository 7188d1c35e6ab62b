import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { createLogger } from '@casetrack/config';
import { createUser, startTestApp, type TestApp, type TestUser } from '../support/test-app';
import { expectError, expectWritten, post } from '../support/e2e';

/** An invented name that appears nowhere else, in Latin and Cyrillic, so any trace of it can be found. */
const MARKER = 'Zhyrgalbekov';
const MARKER_CYRILLIC = 'Жыргалбеков';
const WITNESS = 'Kuralai Zhyrgalbekovna saw it from the next cell';

async function dumpDatabase(url: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--no-owner', url], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/**
 * The tables whose files still hold `marker` in any row version, dead ones included (pageinspect reads the pages as
 * they are), once a manual VACUUM of read_model.cases has been reported. Tuples and their TOAST chunks are searched.
 */
async function tablesHoldingInPages(url: string, tables: readonly string[], marker: string): Promise<string[]> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pageinspect');
    // The projector vacuums once no session can see what the erasure replaced: wait for the vacuum to be reported.
    for (let attempt = 0; attempt < 3_000; attempt++) {
      const { rows } = await db.query<{ vacuums: string }>(
        `SELECT vacuum_count AS vacuums FROM pg_stat_user_tables WHERE schemaname = 'read_model' AND relname = 'cases'`,
      );
      if (Number(rows[0]?.vacuums ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const holding: string[] = [];
    for (const table of tables) {
      const { rows: relations } = await db.query<{ relation: string }>(
        `SELECT $1::regclass::text AS relation UNION ALL
         SELECT reltoastrelid::regclass::text FROM pg_class WHERE oid = $1::regclass AND reltoastrelid <> 0`,
        [table],
      );
      for (const { relation } of relations) {
        const { rows } = await db.query<{ found: string }>(
          `SELECT count(*) AS found FROM generate_series(0, (pg_relation_size($1::regclass) / 8192)::int - 1) AS block,
             LATERAL heap_page_items(get_raw_page($1::regclass::text, block)) AS item
           WHERE position(convert_to($2, 'UTF8') IN item.t_data) > 0`,
          [relation, marker],
        );
        if (Number(rows[0].found) > 0) holding.push(relation);
      }
    }
    return holding;
  } finally {
    await db.end();
  }
}

/** The application, logging everything at trace level into `lines`. */
function startLoggedApp(lines: string[]): Promise<TestApp> {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return startTestApp({}, createLogger('trace', 'casetrack', sink));
}

/** Every value held in Redis, as text. */
async function redisContents(): Promise<string> {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  const parts: string[] = [];
  try {
    for (const db of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) {
      await redis.select(db);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'COUNT', 500);
        cursor = next;
        const types = (await redis.pipeline(keys.map((key) => ['type', key])).exec()) ?? [];
        const reads = keys.map((key, index): string[] => {
          const type = String(types[index]?.[1]);
          if (type === 'string') return ['get', key];
          if (type === 'hash') return ['hgetall', key];
          if (type === 'list') return ['lrange', key, '0', '-1'];
          if (type === 'set') return ['smembers', key];
          if (type === 'zset') return ['zrange', key, '0', '-1'];
          if (type === 'stream') return ['xrange', key, '-', '+'];
          return ['exists', key];
        });
        const values = (await redis.pipeline(reads).exec()) ?? [];
        parts.push(...keys, ...values.map(([, value]) => JSON.stringify(value)));
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
  return parts.join('\n');
}

describe('erasure of a case', () => {
  const logLines: string[] = [];
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let caseId: string;
  let lastPosition = 0;

  const read = (path: string, token = coordinator.token) =>
    request(t.http).get(path).set('Authorization', `Bearer ${token}`).set('X-Min-Position', String(lastPosition));

  beforeAll(async () => {
    t = await startLoggedApp(logLines);
    coordinator = await createUser(t.http, 'coordinator');
    lawyer = await createUser(t.http, 'lawyer');
    const opened = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: `Arystan ${MARKER}`, nameVariants: [`${MARKER_CYRILLIC} Арыстан`], city: 'Taraz' },
      source: { kind: 'relative', reference: `brother ${MARKER}` },
    });
    caseId = opened.body.caseId as string;
    const writes = [
      post(t.http, coordinator.token, `/v1/cases/${caseId}/lawyers`, { lawyerId: lawyer.id, role: 'lead' }),
      post(t.http, coordinator.token, `/v1/cases/${caseId}/notes`, { text: `Spoke to ${MARKER}'s mother` }),
    ];
    for (const write of writes) lastPosition = Math.max(lastPosition, (await write).body.position as number);
    const allegation = await post(t.http, coordinator.token, `/v1/cases/${caseId}/torture-allegations`, {
      periodFrom: '2022-01-06T10:00:00+05:00',
      methods: ['beating', 'electric_shock'],
      witnesses: WITNESS,
      evidence: [{ kind: 'photo', reference: `archive/${MARKER}.jpg` }],
      consent: 'internal_only',
    });
    lastPosition = allegation.body.position as number;
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps sensitive fields encrypted at rest, and readable through the API', async () => {
    const db = new Client({ connectionString: t.database.url });
    await db.connect();
    const { rows } = await db.query<{ data: string }>(`SELECT data::text AS data FROM events`);
    await db.end();
    const stored = rows.map((row) => row.data).join('\n');
    expect(stored).not.toContain(MARKER);
    expect(stored).not.toContain(MARKER_CYRILLIC);
    expect(stored).not.toContain('Kuralai');
    expect(stored).toContain('$sealed');

    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail.body.fullName).toBe(`Arystan ${MARKER}`);
    const search = await read(`/v1/cases?q=${encodeURIComponent(MARKER_CYRILLIC)}`);
    expect(search.body.total).toBe(1);
  });

  it('is for coordinators only', async () => {
    expectError(await post(t.http, lawyer.token, `/v1/cases/${caseId}/erase`, { reason: 'request' }), 403, 'FORBIDDEN');
  });

  it('erases every sensitive field everywhere and keeps structure, statistics and the chain', async () => {
    const before = (await read('/v1/stats')).body;
    const erased = await post(t.http, coordinator.token, `/v1/cases/${caseId}/erase`, {
      reason: 'request of the person concerned',
    });
    expectWritten(erased, caseId, 5);
    lastPosition = erased.body.position as number;

    const detail = await read(`/v1/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.fullName).toBe('[erased]');
    expect(detail.body.nameVariants).toEqual([]);
    expect(detail.body.city).toBe('Taraz');
    expect(detail.body.tortureAllegations).toBe(1);
    expect(JSON.stringify(detail.body)).not.toContain(MARKER);

    for (const q of [MARKER, MARKER_CYRILLIC, 'Arystan']) {
      expect((await read(`/v1/cases?q=${encodeURIComponent(q)}`)).body.total).toBe(0);
    }

    const timeline = await read(`/v1/cases/${caseId}/timeline`);
    expect(timeline.body.events).toHaveLength(5);
    expect(JSON.stringify(timeline.body)).not.toContain(MARKER);
    expect(JSON.stringify(timeline.body)).not.toContain('Kuralai');
    expect(timeline.body.events[0].data.detainee.fullName).toBe('[erased]');

    const dossier = await read(`/v1/cases/${caseId}/dossier?includeInternal=true`);
    expect(JSON.stringify(dossier.body)).not.toContain(MARKER);
    expect(dossier.body.verification).toMatchObject({ valid: true });

    const verify = await read(`/v1/cases/${caseId}/verify`);
    expect(verify.body).toMatchObject({ valid: true, events: 5 });

    const after = (await read('/v1/stats')).body;
    expect(after.byStatus).toEqual(before.byStatus);
    expect(after.byCity).toEqual(before.byCity);
    expect(after.tortureAllegations).toBe(before.tortureAllegations);

    expectError(
      await post(t.http, coordinator.token, `/v1/cases/${caseId}/erase`, { reason: 'again' }),
      422,
      'CASE_ALREADY_ERASED',
    );
  });

  it('leaves no plaintext in a dump of the database, in Redis or in the logs', async () => {
    const dump = await dumpDatabase(t.database.url);
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).toContain(caseId);
    for (const trace of [MARKER, MARKER_CYRILLIC, 'Kuralai', 'Арыстан']) {
      expect(dump).not.toContain(trace);
    }
    const redis = await redisContents();
    expect(redis).not.toContain(MARKER);
    expect(redis).not.toContain(MARKER_CYRILLIC);
    const logs = logLines.join('');
    expect(logs).toContain('"msg":"request"');
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain(MARKER_CYRILLIC);
  });
});

/**
 * Every field a person types, on every write route, holds a marker naming the field; after the erasure no marker may
 * be found anywhere: the database (events, read models, stored answers of Idempotency-Key requests, dead row versions
 * included, as pg_dump reads every live row and the erasure vacuums the rows it rewrote), Redis or the logs.
 */
describe('erasure of every typed word', () => {
  const MARK = 'Qoryqbai';
  const marked = (field: string): string => `${MARK}-${field}`;
  const logLines: string[] = [];
  let t: TestApp;
  let coordinator: TestUser;
  let lawyer: TestUser;
  let support: TestUser;
  let caseId: string;
  let lastPosition = 0;
  let duplicateAnswer: Record<string, unknown>;
  let trialId: string;
  const duplicateKey = randomUUID();
  /** Another case, with a name close to the erased one's, under one Idempotency-Key. */
  const openDuplicate = () =>
    post(
      t.http,
      coordinator.token,
      '/v1/cases',
      { detainee: { fullName: 'Bolat Qoryqbay', city: 'Taraz' }, source: { kind: 'relative' } },
      { 'Idempotency-Key': duplicateKey },
    );

  const future = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
  const read = (path: string) =>
    request(t.http)
      .get(path)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(lastPosition));
  /** A write with an Idempotency-Key, so that its answer is stored; answers its body. */
  const write = async (path: string, body: object): Promise<Record<string, unknown>> => {
    const response = await post(t.http, coordinator.token, `/v1/cases/${caseId}${path}`, body, {
      'Idempotency-Key': randomUUID(),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = Math.max(lastPosition, response.body.position as number);
    return response.body as Record<string, unknown>;
  };
  /** Every marker found in `text`, whatever its case: the fields that leaked. */
  const leaks = (text: string): string[] => [
    ...new Set([...text.matchAll(new RegExp(`${MARK}(-[a-z-]+)?`, 'gi'))].map((match) => match[0])),
  ];

  beforeAll(async () => {
    t = await startLoggedApp(logLines);
    [coordinator, lawyer, support] = await Promise.all([
      createUser(t.http, 'coordinator'),
      createUser(t.http, 'lawyer'),
      createUser(t.http, 'lawyer'),
    ]);
    const opened = await post(
      t.http,
      coordinator.token,
      '/v1/cases',
      {
        detainee: {
          fullName: `Bolat ${MARK}`,
          nameVariants: [marked('variant')],
          birthDate: '1990-02-03',
          city: 'Taraz',
        },
        source: { kind: 'relative', reference: marked('source') },
      },
      { 'Idempotency-Key': randomUUID() },
    );
    caseId = opened.body.caseId as string;
    lastPosition = opened.body.position as number;

    await write('/lawyers', { lawyerId: lawyer.id, role: 'lead' });
    await write('/lawyers', { lawyerId: support.id, role: 'support' });
    await write('/detention', {
      city: 'Taraz',
      place: marked('place'),
      authority: 'police',
      circumstances: marked('circumstances'),
      injuries: marked('detention-injuries'),
    });
    await write('/whereabouts-unknown', { reportedBy: marked('reported-by') });
    await write('/transfers', {
      facility: { code: 'SI-18', name: 'Pre-trial facility', city: 'Taraz', kind: 'pretrial_detention' },
    });
    const charge = await write('/charges', { code: 'criminal', article: '272', part: '2', title: marked('title') });
    const chargeId = charge.chargeId as string;
    await write(`/charges/${chargeId}/requalify`, { article: '274', title: marked('requalified-title') });
    await write(`/charges/${chargeId}/drop`, { reason: marked('drop-reason') });
    const held = await write('/hearings', {
      kind: 'preventive_measure',
      court: 'Taraz city court',
      judge: marked('held-judge'),
      scheduledAt: future(1),
      location: marked('held-location'),
    });
    await write(`/hearings/${held.hearingId as string}/reschedule`, {
      scheduledAt: future(2),
      reason: marked('reschedule-reason'),
    });
    await write(`/hearings/${held.hearingId as string}/outcome`, {
      outcome: marked('outcome'),
      notes: marked('hearing-notes'),
    });
    const cancelled = await write('/hearings', {
      kind: 'complaint_review',
      court: 'Taraz city court',
      scheduledAt: future(3),
    });
    await write(`/hearings/${cancelled.hearingId as string}/cancel`, { reason: marked('cancel-reason') });
    const trial = await write('/hearings', {
      kind: 'trial',
      court: 'Taraz city court',
      judge: marked('judge'),
      scheduledAt: future(20),
      location: marked('location'),
    });
    trialId = trial.hearingId as string;
    await write('/preventive-measures', { measure: 'pretrial_detention', until: future(60) });
    await write('/access-denials', { who: 'lawyer', by: marked('denied-by'), details: marked('denial-details') });
    const allegation = await write('/torture-allegations', {
      periodFrom: future(-2),
      facility: 'Taraz police station',
      methods: ['beating'],
      perpetrators: marked('perpetrators'),
      injuries: marked('torture-injuries'),
      witnesses: marked('witnesses'),
      account: marked('torture-account'),
      evidence: [{ kind: marked('evidence-kind'), reference: marked('evidence-reference') }],
      consent: 'internal_only',
    });
    const complaint = await write('/complaints', {
      allegationId: allegation.allegationId,
      filedWith: 'prosecutor',
      reference: marked('complaint-reference'),
      responseDueAt: future(30),
    });
    const complaintId = complaint.complaintId as string;
    await write(`/complaints/${complaintId}/pressure`, { by: marked('pressured-by'), details: marked('pressure') });
    await write('/pressure', { by: marked('threatened-by'), details: marked('threat'), kind: 'threat_to_family' });
    // A link's note; the other case must be projected before it can be linked.
    const relative = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: 'Aigerim Tuleuova', city: 'Taraz' },
      source: { kind: 'relative' },
    });
    lastPosition = Math.max(lastPosition, relative.body.position as number);
    expect((await read(`/v1/cases/${relative.body.caseId as string}`)).status).toBe(200);
    await write('/links', { caseId: relative.body.caseId, relation: 'relative', note: marked('link-note') });
    await write('/identity', {
      // The case stays findable as "Bolat <mark>" (the former name is kept as a spelling) for the duplicate below.
      fullName: `Bolat ${MARK} Serikuly`,
      birthYear: 1991,
      occupation: marked('occupation'),
      publicRoles: ['journalist'],
    });
    await write('/name-variants', { variants: [marked('name-variant')] });
    await write(`/complaints/${complaintId}/response`, {
      outcome: 'refused',
      reference: marked('answer-reference'),
      note: marked('answer-note'),
    });
    const withdrawn = await write('/complaints', { filedWith: 'ombudsperson' });
    await write(`/complaints/${withdrawn.complaintId as string}/withdraw`, { reason: marked('withdraw-reason') });
    await write('/medical', { kind: 'need', details: marked('medical') });
    await write('/notes', { text: marked('note') });
    await write('/notes', { text: marked('retracted-note') });
    const timeline = await read(`/v1/cases/${caseId}/timeline`);
    const events = timeline.body.events as Array<{ eventId: string; type: string }>;
    await write('/retractions', { eventId: events[events.length - 1].eventId, reason: marked('retraction-reason') });
    await write(`/lawyers/${support.id}/unassign`, { reason: marked('unassign-reason') });
    await write('/close', { reason: marked('close-reason') });
    await write('/reopen', { reason: marked('reopen-reason') });
    await write('/release-to-house-arrest', { address: marked('address'), conditions: marked('conditions') });
    await write('/release', { grounds: 'bail', note: marked('release-note') });
    await write('/death', { circumstances: 'after_release', details: marked('death-details') });

    // Another case, opened once the first is projected: its stored answer names the first in possibleDuplicates.
    expect((await read(`/v1/cases/${caseId}`)).status).toBe(200);
    const duplicate = await openDuplicate();
    duplicateAnswer = duplicate.body as Record<string, unknown>;
    lastPosition = Math.max(lastPosition, duplicate.body.position as number);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows every typed word until the erasure, in the case, its timeline and the hearings calendar', async () => {
    expect(JSON.stringify(duplicateAnswer.possibleDuplicates)).toContain(`Bolat ${MARK}`);
    const timeline = JSON.stringify((await read(`/v1/cases/${caseId}/timeline`)).body);
    for (const field of ['place', 'title', 'held-judge', 'outcome', 'drop-reason', 'close-reason', 'reopen-reason']) {
      expect(timeline).toContain(marked(field));
    }
    const calendar = await read('/v1/hearings');
    const trial = (calendar.body.items as Array<{ hearingId: string }>).find(
      (hearing) => hearing.hearingId === trialId,
    );
    expect(trial).toMatchObject({ judge: marked('judge'), court: 'Taraz city court' });
  });

  it('leaves no typed word in the database, Redis or the logs once erased, and keeps courts and cities', async () => {
    const erased = await post(t.http, coordinator.token, `/v1/cases/${caseId}/erase`, {
      reason: marked('erase-reason'),
    });
    expect(erased.status).toBe(201);
    lastPosition = erased.body.position as number;

    const timeline = (await read(`/v1/cases/${caseId}/timeline`)).body;
    expect(leaks(JSON.stringify(timeline))).toEqual([]);
    const scheduled = (timeline.events as Array<{ type: string; data: Record<string, unknown> }>).filter(
      (event) => event.type === 'HearingScheduled',
    );
    expect(scheduled[0].data).toMatchObject({ court: 'Taraz city court', judge: '[erased]', location: '[erased]' });
    const calendar = await read('/v1/hearings');
    const trial = (calendar.body.items as Array<{ hearingId: string }>).find(
      (hearing) => hearing.hearingId === trialId,
    );
    expect(trial).toMatchObject({ judge: '[erased]', court: 'Taraz city court' });
    expect((await read(`/v1/cases/${caseId}`)).body.city).toBe('Taraz');
    expect(leaks(JSON.stringify((await read(`/v1/cases/${caseId}/dossier?includeInternal=true`)).body))).toEqual([]);

    // The stored answer of the other case's request is replayed with the name erased.
    const replayed = await openDuplicate();
    expect(replayed.status).toBe(201);
    expect(replayed.body.possibleDuplicates).toContainEqual(expect.objectContaining({ caseId, fullName: '[erased]' }));

    expect(leaks(await dumpDatabase(t.database.url))).toEqual([]);
    const rewritten = ['read_model.cases', 'read_model.hearings', 'read_model.complaints', 'public.idempotency_keys'];
    expect(await tablesHoldingInPages(t.database.url, rewritten, MARK)).toEqual([]);
    expect(leaks(await redisContents())).toEqual([]);
    expect(leaks(logLines.join(''))).toEqual([]);
  });
});

describe('erasure of a merged duplicate', () => {
  /** A spelling only the duplicate ever had: once it is erased, it must leave the survivor too. */
  const MARK = 'Toqtarbekuly';
  let t: TestApp;
  let coordinator: TestUser;
  let lastPosition = 0;
  const write = async (path: string, body: object): Promise<Record<string, unknown>> => {
    const response = await post(t.http, coordinator.token, path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    lastPosition = Math.max(lastPosition, response.body.position as number);
    return response.body as Record<string, unknown>;
  };
  const read = (path: string) =>
    request(t.http)
      .get(path)
      .set('Authorization', `Bearer ${coordinator.token}`)
      .set('X-Min-Position', String(lastPosition));
  const open = async (fullName: string, nameVariants: string[]): Promise<string> =>
    (await write('/v1/cases', { detainee: { fullName, nameVariants, city: 'Zhanatas' }, source: { kind: 'relative' } }))
      .caseId as string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
  });
  afterAll(() => t.close());

  it("takes the duplicate's spellings off the survivor: its stream, its read models and the files", async () => {
    const survivor = await open('Yerlan Sadykov', []);
    const duplicate = await open(`Yerlan ${MARK}`, [`Ерлан ${MARK}`]);
    await write(`/v1/cases/${duplicate}/merge`, { intoCaseId: survivor, reason: 'the same man' });
    expect((await read(`/v1/cases/${survivor}`)).body.nameVariants).toEqual(
      expect.arrayContaining([`Yerlan ${MARK}`, `Ерлан ${MARK}`]),
    );
    expect(JSON.stringify((await read(`/v1/cases?q=${MARK}`)).body.items)).toContain(survivor);

    await write(`/v1/cases/${duplicate}/erase`, { reason: 'asked by the family' });

    const detail = await read(`/v1/cases/${survivor}`);
    expect(detail.body).toMatchObject({ fullName: 'Yerlan Sadykov' });
    expect(JSON.stringify(detail.body)).not.toContain(MARK);
    expect(JSON.stringify((await read(`/v1/cases/${survivor}/timeline`)).body)).not.toContain(MARK);
    expect((await read(`/v1/cases?q=${MARK}`)).body.items).toEqual([]);
    expect(await dumpDatabase(t.database.url)).not.toContain(MARK);
    expect(await tablesHoldingInPages(t.database.url, ['read_model.cases'], MARK)).toEqual([]);
  });
});

describe('erasure while a snapshot older than it is open', () => {
  /** A name typed into the case, searched for in the table files. */
  const MARK = 'Nurmukhambetov';
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await createUser(t.http, 'coordinator');
  });
  afterAll(() => t.close());

  it('vacuums the rewritten rows once that snapshot has ended, so their old versions leave the files', async () => {
    const opened = await post(t.http, coordinator.token, '/v1/cases', {
      detainee: { fullName: `Aidos ${MARK}`, city: 'Zhanatas' },
      source: { kind: 'relative' },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    // A report, a dump, another database's long transaction: any snapshot older than the erasure's batch.
    const holder = new Client({ connectionString: t.database.url });
    await holder.connect();
    try {
      await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await holder.query('SELECT count(*) FROM read_model.cases');
      const erased = await post(t.http, coordinator.token, `/v1/cases/${caseId}/erase`, { reason: 'asked' });
      expect(erased.status).toBe(201);
      const detail = await request(t.http)
        .get(`/v1/cases/${caseId}`)
        .set('Authorization', `Bearer ${coordinator.token}`)
        .set('X-Min-Position', String(erased.body.position));
      expect(JSON.stringify(detail.body)).not.toContain(MARK);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    expect(await tablesHoldingInPages(t.database.url, ['read_model.cases'], MARK)).toEqual([]);
  });
});
