/**
 * Export benchmark: GET /v1/cases/export (CSV and xlsx) over 10,000 and then 100,000 cases, through the real HTTP
 * API on a port, read by curl (a process of its own) and dropped as it arrives.
 *
 *   npm run bench:export              (BENCH_ROUNDS=5 by default, the formats in turn; BENCH_CASES=100000)
 *
 * The cases are written straight into the read model (the export reads nothing else): Cyrillic and Kazakh names with
 * two other spellings, one or two charges, two lawyers, a facility, allegations under every consent, a future
 * hearing for one case in three. For each size and format it reports the median time to the last byte, the size,
 * and the process's memory while exporting: peak RSS (sampled every 10 ms), and the peak of the live heap above the
 * heap before the export (collected and measured every second). Memory flat means the 100,000-case figures are close
 * to the 10,000-case ones. Also the time to read the rows alone (no formatting, no HTTP), to tell the database's
 * share from the rest.
 */
import { execFile } from 'node:child_process';
import type http from 'node:http';
import { promisify } from 'node:util';
import os from 'node:os';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CaseExportSource } from '@casetrack/read-model';
import { loadConfig } from '@casetrack/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase } from '../support/test-database';

const run = promisify(execFile);
const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const SMALL = Math.min(10_000, TOTAL);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };

interface Run {
  ms: number;
  bytes: number;
  peakRssMb: number;
  /** Peak RSS above the RSS when the export began (after a collection). */
  rssGrowthMb: number;
  heapGrowthMb: number;
}

async function main(): Promise<void> {
  console.log(`Export benchmark: ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}`);
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    ROLES: 'api',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as http.Server).address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  const base = `http://127.0.0.1:${address.port}`;
  const pool = new Pool({ connectionString: database.url, max: 2 });
  try {
    const admin = await login(base, ADMIN.email, ADMIN.password);
    const lawyers = [
      await user(base, admin, 'lawyer', 'Әлия Сәрсенбаева'),
      await user(base, admin, 'lawyer', 'Boris B'),
    ];
    const coordinator = await user(base, admin, 'coordinator', 'Координатор');
    const token = await login(base, coordinator.email, 'bench-user-password');

    const results: Array<{ cases: number; format: string; runs: Run[] }> = [];
    for (const [from, to] of [
      [0, SMALL],
      [SMALL, TOTAL],
    ] as const) {
      if (to <= from) continue;
      const began = performance.now();
      await insertCases(
        pool,
        from,
        to,
        lawyers.map((l) => l.id),
      );
      console.log(
        `\n${to} cases in the read model (+${to - from} in ${((performance.now() - began) / 1000).toFixed(1)} s)`,
      );
      const reading = performance.now();
      let read = 0;
      const source = new CaseExportSource(app.get(DataSource));
      for await (const batch of source.batches({ id: coordinator.id, role: 'coordinator' }, {}, 1_000)) {
        read += batch.length;
      }
      console.log(`  rows alone: ${read} read in ${((performance.now() - reading) / 1000).toFixed(2)} s`);
      // The formats take turns, round after round: a busy spell on the machine falls on both alike.
      const runs: Record<string, Run[]> = { csv: [], xlsx: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const format of ['csv', 'xlsx']) runs[format].push(await exportOnce(base, token, format));
      }
      for (const format of ['csv', 'xlsx']) {
        results.push({ cases: to, format, runs: runs[format] });
        const m = medians(runs[format]);
        console.log(
          `  ${format.padEnd(4)} median ${(m.ms / 1000).toFixed(2)} s, ${(m.bytes / 1e6).toFixed(1)} MB, ` +
            `peak RSS ${m.peakRssMb.toFixed(0)} MB (+${m.rssGrowthMb.toFixed(0)} MB over the export), ` +
            `heap growth ${m.heapGrowthMb.toFixed(1)} MB (runs: ${runs[format].map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s)`,
        );
      }
    }
    console.log('\nSummary (medians):');
    for (const format of ['csv', 'xlsx']) {
      const small = results.find((r) => r.format === format && r.cases === SMALL);
      const large = results.find((r) => r.format === format && r.cases === TOTAL);
      if (!small || !large) continue;
      const s = medians(small.runs);
      const l = medians(large.runs);
      console.log(
        `  ${format}: ${SMALL} cases ${(s.ms / 1000).toFixed(2)} s / ${TOTAL} cases ${(l.ms / 1000).toFixed(2)} s ` +
          `(target < 10 s: ${l.ms < 10_000 ? 'met' : 'NOT met'}); peak RSS ${s.peakRssMb.toFixed(0)} -> ` +
          `${l.peakRssMb.toFixed(0)} MB (+${s.rssGrowthMb.toFixed(0)} -> +${l.rssGrowthMb.toFixed(0)} MB over an export); ` +
          `heap growth ${s.heapGrowthMb.toFixed(1)} -> ${l.heapGrowthMb.toFixed(1)} MB`,
      );
    }
  } finally {
    await pool.end();
    await app.close();
    await database.drop();
  }
}

async function exportOnce(base: string, token: string, format: string): Promise<Run> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  let peakHeap = heapBefore;
  let samples = 0;
  // With --expose-gc (npm run bench:export), every 100th sample (a second) collects first: the peak is then of live objects,
  // not of garbage the collector has not come to yet.
  const sampler = setInterval(() => {
    samples += 1;
    if (gc && samples % 100 === 0) gc();
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    if (!gc || samples % 100 === 0) peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  const began = performance.now();
  // The client is curl, in a process of its own: the figures are the service's, not a client's sharing its CPU.
  const { stdout } = await run('curl', [
    '--silent',
    '--show-error',
    '--fail',
    '--output',
    '/dev/null',
    '--write-out',
    '%{size_download}',
    '--header',
    `authorization: Bearer ${token}`,
    `${base}/v1/cases/export?format=${format}`,
  ]);
  const bytes = Number(stdout);
  const ms = performance.now() - began;
  clearInterval(sampler);
  return {
    ms,
    bytes,
    peakRssMb: peakRss / 2 ** 20,
    rssGrowthMb: (peakRss - rssBefore) / 2 ** 20,
    heapGrowthMb: (peakHeap - heapBefore) / 2 ** 20,
  };
}

function medians(runs: Run[]): Run {
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return {
    ms: median(runs.map((r) => r.ms)),
    bytes: median(runs.map((r) => r.bytes)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    rssGrowthMb: median(runs.map((r) => r.rssGrowthMb)),
    heapGrowthMb: median(runs.map((r) => r.heapGrowthMb)),
  };
}

/** Cases `from` .. `to` - 1, written into the read model in one statement per 10,000 (ids derived from the number). */
export async function insertCases(pool: Pool, from: number, to: number, lawyerIds: string[]): Promise<void> {
  for (let start = from; start < to; start += 10_000) {
    const end = Math.min(to, start + 10_000) - 1;
    await pool.query(
      `INSERT INTO read_model.cases (case_id, full_name, name_variants, name_keys, city, status, closed,
                                     current_facility, facility_key, articles, charges, lawyer_ids, lawyers,
                                     measure, measure_until, open_complaints, torture_allegations, deceased,
                                     vulnerabilities, public_roles, opened_at, version, last_recorded_at, detail)
       SELECT md5('case' || n)::uuid,
              (ARRAY['Жолатов','Әбдірахманов','Қасымов','Сәрсенбаев','Ivanov'])[n % 5 + 1] || ' ' ||
                (ARRAY['Арман','Қайрат','Ұлан','Өмір','Ғалым','Dmitry'])[n % 6 + 1] || ' ' || n,
              ARRAY['Zholatov Arman ' || n, 'Жолатов А. ' || n],
              'zholatov arman ' || n,
              (ARRAY['Алматы','Талдықорған','Шымкент','Өскемен','Ақтөбе','Жаңаөзен','Астана','Қызылорда','Тараз','Atyrau'])[n % 10 + 1],
              (ARRAY['in_pretrial_detention','released','house_arrest','administrative_arrest'])[n % 4 + 1],
              n % 17 = 0,
              jsonb_build_object('code', 'ИВС-' || (n % 40), 'name', 'Изолятор временного содержания №' || (n % 40),
                                 'city', 'Алматы', 'kind', 'temporary_detention'),
              lower('ИВС-' || (n % 40)),
              ARRAY['272'],
              jsonb_build_array(
                jsonb_build_object('chargeId', md5('charge' || n)::uuid, 'code', 'criminal', 'article', '272',
                                   'part', '2', 'title', 'Массовые беспорядки', 'status', 'active'),
                jsonb_build_object('chargeId', md5('charge2' || n)::uuid, 'code', 'administrative', 'article', '488',
                                   'part', null, 'title', null, 'status', 'dropped')),
              $3::uuid[],
              jsonb_build_array(jsonb_build_object('lawyerId', ($3::uuid[])[1], 'role', 'lead'),
                                jsonb_build_object('lawyerId', ($3::uuid[])[2], 'role', 'support')),
              CASE WHEN n % 3 = 0 THEN 'pretrial_detention' END,
              CASE WHEN n % 3 = 0 THEN now() + interval '60 days' END,
              n % 3, n % 4, false,
              CASE WHEN n % 7 = 0 THEN ARRAY['wounded'] ELSE ARRAY[]::text[] END,
              ARRAY[]::text[], now(), 12, now() - (n || ' seconds')::interval,
              jsonb_build_object('birthYear', 1960 + n % 45,
                'allegations', CASE WHEN n % 4 = 0 THEN '[]'::jsonb ELSE jsonb_build_array(
                  jsonb_build_object('allegationId', md5('a' || n)::uuid, 'consent',
                    (ARRAY['full','anonymised','internal_only'])[n % 3 + 1], 'methods', jsonb_build_array('beating'))) END,
                'hearings', '[]'::jsonb, 'complaints', '[]'::jsonb, 'transfers', '[]'::jsonb)
         FROM generate_series($1::int, $2::int) AS n`,
      [start, end, lawyerIds],
    );
    await pool.query(
      `INSERT INTO read_model.hearings (case_id, hearing_id, kind, court, scheduled_at, status)
       SELECT md5('case' || n)::uuid, md5('hearing' || n)::uuid, 'trial', 'Медеуский районный суд',
              now() + ((n % 90) || ' days')::interval, 'scheduled'
         FROM generate_series($1::int, $2::int) AS n WHERE n % 3 = 0`,
      [start, end],
    );
  }
  await pool.query('ANALYZE read_model.cases');
  await pool.query('ANALYZE read_model.hearings');
}

async function login(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function user(
  base: string,
  adminToken: string,
  role: string,
  name: string,
): Promise<{ id: string; email: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 10)}@bench.test`;
  const response = await fetch(`${base}/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ email, name, role, password: 'bench-user-password', timeZone: 'Asia/Almaty' }),
  });
  if (response.status !== 201) throw new Error(`creating a user answered ${response.status}`);
  return { id: ((await response.json()) as { id: string }).id, email };
}

if (require.main === module)
  void main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
