/**
 * An import's dry run and commit alone, quicker than bench:crisis's step 4 (issue 17).
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only test/bench/import.bench.ts
 *       (BENCH_IMPORT_ROWS=1000; BENCH_PROFILE=<prefix> profiles the service during the first commit and the second
 *       dry run, into <prefix>-commit.cpuprofile and <prefix>-dry-run.cpuprofile)
 *
 * Starts the service (api, projector) as a child on a fresh database, dropped at the end. A coordinator imports
 * bench:crisis's list of BENCH_IMPORT_ROWS invented people twice (two lists drawn apart): the first list's dry run
 * meets no cases, its commit opens them; the second list's dry run then looks each row up among those cases, and its
 * commit records it too. Reports each dry run's seconds and each commit's rows/s, with the load average.
 */
import os from 'node:os';
import { Random } from '../../apps/cli/src/seed/random';
import { createTestDatabase } from '../support/test-database';
import { crisisList } from './support/crisis-list';
import { BenchClient } from './support/http-client';
import { type Child, profiler, startService } from './support/service-child';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000);
const PROFILE = process.env.BENCH_PROFILE ?? '';
const ADMIN = { email: 'import-admin@casetrack.test', password: 'import-admin-password' };

interface Measured {
  dryRunSeconds: number;
  outcomes: string;
  commitSeconds: number;
  status: string;
}

async function importOnce(
  service: Child,
  client: BenchClient,
  token: string,
  file: Buffer,
  profile: { dryRun: string; commit: string },
): Promise<Measured> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'text/csv' }), 'list.csv');
  form.append('timeZone', 'Asia/Almaty');
  const uploaded = await fetch(`http://127.0.0.1:${service.port}/v1/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`);
  const upload = (await uploaded.json()) as { importId: string; suggestedMapping: object };
  const base = `/v1/imports/${upload.importId}`;
  const mapping = upload.suggestedMapping;

  if (profile.dryRun !== '') await profiler(service, { profile: 'start' });
  let t0 = performance.now();
  const checked = await client.expect(200, `${base}/dry-run`, { token, body: { mapping } });
  const dryRunSeconds = (performance.now() - t0) / 1000;
  if (profile.dryRun !== '') await profiler(service, { profile: 'stop', file: profile.dryRun });
  const outcomes = new Map<string, number>();
  const decisions: Record<string, 'new'> = {};
  for (const row of checked.rows as Array<{ row: number; outcome: string }>) {
    outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
    if (row.outcome === 'duplicate') decisions[String(row.row)] = 'new';
  }

  if (profile.commit !== '') await profiler(service, { profile: 'start' });
  t0 = performance.now();
  await client.expect(202, `${base}/commit`, { token, body: { mapping, decisions } });
  let state: { status: string; recorded: number; skipped: number; rejected: number };
  for (;;) {
    state = (await client.expect(200, base, { token })) as typeof state;
    if (state.status === 'done' || state.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const commitSeconds = (performance.now() - t0) / 1000;
  if (profile.commit !== '') await profiler(service, { profile: 'stop', file: profile.commit });
  return {
    dryRunSeconds,
    outcomes: [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', '),
    commitSeconds,
    status: `${state.status}: recorded ${state.recorded}, skipped ${state.skipped}, rejected ${state.rejected}`,
  };
}

async function main(): Promise<void> {
  console.log(`Import benchmark: two lists of ${ROWS} rows; ${os.cpus().length} CPUs, load ${load()}`);
  const database = await createTestDatabase();
  let service: Child | null = null;
  let client: BenchClient | null = null;
  try {
    service = await startService({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      ROLES: 'api,projector',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    client = new BenchClient(service.port, 4);
    const adminToken = await client.signIn(ADMIN.email, ADMIN.password);
    const { token } = await client.account(adminToken, {
      email: 'importer@casetrack.test',
      password: 'a-long-import-bench-password',
      name: 'Importer',
      role: 'coordinator',
    });
    const random = new Random(20_220_105);
    const profiled = (what: string): string => (PROFILE === '' ? '' : `${PROFILE}-${what}.cpuprofile`);
    for (const [index, profile] of [
      [1, { dryRun: '', commit: profiled('commit') }],
      [2, { dryRun: profiled('dry-run'), commit: '' }],
    ] as const) {
      const measured = await importOnce(service, client, token, crisisList(ROWS, random), profile);
      console.log(
        `list ${index}: dry run ${measured.dryRunSeconds.toFixed(1)} s (${measured.outcomes}); commit ` +
          `${measured.commitSeconds.toFixed(1)} s, ${Math.round(ROWS / measured.commitSeconds)} rows/s ` +
          `(${measured.status}); load ${load()}`,
      );
    }
  } finally {
    client?.close();
    await service?.stop();
    await database.drop();
  }
}

function load(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
