/**
 * What the console's cookie session costs a request beside a bearer token.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only test/bench/session.bench.ts   (BENCH_ROUNDS, BENCH_REQUESTS)
 *
 * The real application on its own database, listening on a port; one coordinator signed in both ways. Each round
 * sends BENCH_REQUESTS requests one after another for each way, in turn, and keeps the median time of one request:
 * GET /v1/users/me (the guard and one small answer) and GET /v1/auth/session (what the console asks on load). It
 * prints the median over the rounds of each; the session's guard does the bearer's work plus one cookie parse and,
 * at most about once a minute, the push of its idle deadline, so the two should be within noise of each other.
 */
import request from 'supertest';
import { ADMIN, login, startTestApp } from '../support/test-app';

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 7));
const REQUESTS = Math.max(50, Number(process.env.BENCH_REQUESTS ?? 300));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const t = await startTestApp({ LOG_LEVEL: 'silent' });
  try {
    const server = t.app.getHttpServer() as import('node:http').Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const bearer = await login(t.http, ADMIN.email, ADMIN.password);
    const opened = await request(base).post('/v1/auth/session').send({ email: ADMIN.email, password: ADMIN.password });
    const cookie = ((opened.headers['set-cookie'] as unknown as string[])[0] ?? '').split(';')[0];

    const ways: Record<string, () => Promise<unknown>> = {
      'GET /v1/users/me, bearer': () =>
        fetch(`${base}/v1/users/me`, { headers: { authorization: `Bearer ${bearer}` } }),
      'GET /v1/users/me, cookie': () => fetch(`${base}/v1/users/me`, { headers: { cookie } }),
      'GET /v1/auth/session, cookie': () => fetch(`${base}/v1/auth/session`, { headers: { cookie } }),
    };
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
    for (let round = -1; round < ROUNDS; round++) {
      for (const [name, send] of Object.entries(ways)) {
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const started = performance.now();
          const response = (await send()) as Response;
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${name}: ${response.status}`);
          times.push(performance.now() - started);
        }
        // The first round warms up the process and is not kept.
        if (round >= 0) samples[name].push(median(times));
      }
    }
    process.stdout.write(`session bench: ${ROUNDS} rounds of ${REQUESTS} sequential requests each\n`);
    for (const [name, rounds] of Object.entries(samples)) {
      process.stdout.write(`  ${name.padEnd(32)} median ${median(rounds).toFixed(3)} ms per request\n`);
    }
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
