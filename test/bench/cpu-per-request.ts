/**
 * CPU time the service process spends per request (user + system, from /proc), for a note, a note with an
 * Idempotency-Key and a read of one case's detail. On a machine shared with other work, throughput moves with the
 * others' load; the CPU a request costs the service moves far less, so two versions can be compared at different
 * times.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only test/bench/cpu-per-request.ts
 *   (BENCH_REQUESTS per kind, default 3,000; BENCH_ROUNDS, default 3; the table shows medians)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Pool } from 'pg';
import { createTestDatabase } from '../support/test-database';
import { median } from './projection/measure';
import { BenchClient } from './support/http-client';
import { type Child, serviceEnv, startService } from './support/service-child';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS = 16;
const ADMIN = { email: 'cpu-admin@casetrack.test', password: 'cpu-admin-password' };
const NOTE = { text: 'Visited at the detention centre; he has not been given his medication since Tuesday.' };
/** Linux counts a process's CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** User plus system CPU time of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** `total` requests over CLIENTS loops; the service's CPU ms per request meanwhile. */
async function perRequest(child: Child, total: number, op: (client: number) => Promise<void>): Promise<number> {
  const pid = child.process.pid as number;
  const before = cpuMs(pid);
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < total / CLIENTS; i += 1) await op(client);
    }),
  );
  return (cpuMs(pid) - before) / total;
}

async function main(): Promise<void> {
  console.log(`CPU per request: ${ROUNDS} rounds of ${REQUESTS}, load average ${os.loadavg()[0].toFixed(2)}`);
  const database = await createTestDatabase();
  const pool = new Pool({ connectionString: database.url, max: 1 });
  let service: Child | null = null;
  const clients: BenchClient[] = [];
  const client = (port: number): BenchClient => {
    const made = new BenchClient(port, CLIENTS);
    clients.push(made);
    return made;
  };
  try {
    service = await startService(serviceEnv(database.url, 'api', ADMIN));
    let http = client(service.port);
    const token = await http.coordinator(ADMIN, 'cpu');
    const cases: string[] = [];
    for (let i = 0; i < CLIENTS; i += 1) cases.push(await http.openCase(token, 'CPU Detainee'));
    const note = (keyed: boolean) => async (c: number) => {
      const headers: Record<string, string> = keyed ? { 'idempotency-key': randomUUID() } : {};
      await http.expect(201, `/v1/cases/${cases[c]}/notes`, { token, body: NOTE, headers });
    };
    await perRequest(service, 640, note(true));
    const plain: number[] = [];
    const keyed: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      plain.push(await perRequest(service, REQUESTS, note(false)));
      keyed.push(await perRequest(service, REQUESTS, note(true)));
    }
    await service.stop();

    service = await startService(serviceEnv(database.url, 'api,projector', ADMIN));
    http = client(service.port);
    const { rows } = await pool.query<{ position: string }>('SELECT max(position)::text AS position FROM events');
    await http.expect(200, `/v1/cases/${cases[0]}`, { token, headers: { 'x-min-position': rows[0].position } });
    const read = async () => {
      await http.expect(200, `/v1/cases/${cases[0]}`, { token });
    };
    await perRequest(service, 640, read);
    const reads: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) reads.push(await perRequest(service, REQUESTS, read));

    const fmt = (runs: number[]): string =>
      `${median(runs).toFixed(3)} ms  (rounds: ${runs.map((r) => r.toFixed(3)).join(', ')})`;
    console.log(`  note                    ${fmt(plain)}`);
    console.log(`  note, Idempotency-Key   ${fmt(keyed)}`);
    console.log(`  GET one case            ${fmt(reads)}`);
    console.log(`  load average now ${os.loadavg()[0].toFixed(2)}`);
  } finally {
    await service?.stop();
    for (const made of clients) made.close();
    await pool.end();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
