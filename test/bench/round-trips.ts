/**
 * How many database round trips one note write and one case read make, and which: the service in this process with
 * every pg query counted (pg's Client.prototype.query wrapped before the app starts), one request at a time.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only test/bench/round-trips.ts
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';
import { Client } from 'pg';
import { loadConfig } from '@casetrack/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { createTestDatabase } from '../support/test-database';
import { BenchClient } from './support/http-client';
import { portOf, serviceEnv } from './support/service-child';

const ADMIN = { email: 'rt-admin@casetrack.test', password: 'rt-admin-password' };
const NOTE = { text: 'Visited at the detention centre; he has not been given his medication since Tuesday.' };

const seen: string[] = [];
let counting = false;
/** Set for everything a request starts (so the projector's and the import worker's polling are not counted). */
const inRequest = new AsyncLocalStorage<true>();
type Query = (...args: unknown[]) => unknown;
const original = Client.prototype.query as unknown as Query;
(Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args: unknown[]): unknown {
  if (counting && inRequest.getStore() === true) {
    const first = args[0] as string | { text?: string; name?: string };
    const text = typeof first === 'string' ? first : (first.text ?? `(prepared ${first.name ?? '?'})`);
    seen.push(text.replace(/\s+/g, ' ').slice(0, 160));
  }
  return original.apply(this, args);
};

async function measure(label: string, action: () => Promise<unknown>): Promise<void> {
  // Anything still running from the request before (a log flush) is not this one's.
  await new Promise((resolve) => setTimeout(resolve, 300));
  seen.length = 0;
  counting = true;
  await action();
  // What the request left running after its answer (a batched log row) counts too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  counting = false;
  console.log(`\n${label}: ${seen.length} round trips`);
  for (const text of seen) console.log(`  - ${text}`);
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const roles = process.env.ROLES ?? 'api';
  // Request log lines would be written between the lists of round trips.
  const app = await createApp(loadConfig({ ...serviceEnv(database.url, roles, ADMIN), LOG_LEVEL: 'warn' }));
  // Runs before Express's listener in the same synchronous emit, so what Express starts inherits the store.
  (app.getHttpServer() as http.Server).prependListener('request', () => inRequest.enterWith(true));
  await app.listen(0, '127.0.0.1');
  const client = new BenchClient(portOf(app.getHttpServer() as http.Server), 2);
  try {
    const token = await client.coordinator(ADMIN, 'rt');
    const caseId = await client.openCase(token, 'RT Detainee');
    const note = `/v1/cases/${caseId}/notes`;
    for (let i = 0; i < 3; i += 1) await client.expect(201, note, { token, body: NOTE });
    await measure('note, no key, warm', () => client.expect(201, note, { token, body: NOTE }));
    await measure('note with Idempotency-Key, warm', () =>
      client.expect(201, note, { token, body: NOTE, headers: { 'idempotency-key': `rt-${Date.now()}` } }),
    );
    const key = `rt-replay-${Date.now()}`;
    await client.expect(201, note, { token, body: NOTE, headers: { 'idempotency-key': key } });
    await measure('note, replay of a key', () =>
      client.call(note, { token, body: NOTE, headers: { 'idempotency-key': key } }),
    );
    if (roles.includes('projector')) {
      for (let i = 0; i < 40; i += 1) {
        const answer = await client.call(`/v1/cases/${caseId}`, { token });
        if (answer.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await client.expect(200, `/v1/cases/${caseId}`, { token });
      await measure('GET case, warm', () => client.expect(200, `/v1/cases/${caseId}`, { token }));
    }
  } finally {
    client.close();
    await app.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
