import { execFile } from 'node:child_process';
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
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    t = await startTestApp({}, createLogger('trace', 'casetrack', sink));
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
