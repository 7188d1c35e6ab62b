import type { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import request, { type Response } from 'supertest';
import type { App } from 'supertest/types';
import { loadConfig } from '@casetrack/config';
import { CaseCipher, CaseKeyStore, type Json, type StoredMetadata } from '@casetrack/event-store';
import { createApp } from '../../apps/api/src/bootstrap';

/** A POST with a bearer token and a JSON body; `headers` adds Idempotency-Key, If-Match... */
export function post(
  http: App,
  token: string | null,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  let call = request(http).post(path);
  if (token !== null) call = call.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
  return body === undefined ? call : call.send(body as object);
}

export function get(http: App, token: string | null, path: string): Promise<Response> {
  const call = request(http).get(path);
  return token === null ? call : call.set('Authorization', `Bearer ${token}`);
}

/** The answer of a successful write: 201, caseId, version, position and `ETag: "<version>"`. */
export function expectWritten(response: Response, caseId: string, version: number): void {
  if (response.status !== 201) {
    throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  expect(response.body).toMatchObject({ caseId, version });
  expect(typeof response.body.position).toBe('number');
  expect(Number.isInteger(response.body.position)).toBe(true);
  expect(response.body.position).toBeGreaterThan(0);
  expect(response.headers.etag).toBe(`"${version}"`);
}

/** The contract's error body, exactly: `{statusCode, code, message, details}`. */
export function expectError(response: Response, statusCode: number, code: string): void {
  if (response.status !== statusCode) {
    throw new Error(`expected ${statusCode} ${code}, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  expect(Object.keys(response.body as object).sort()).toEqual(['code', 'details', 'message', 'statusCode']);
  expect(response.body.statusCode).toBe(statusCode);
  expect(response.body.code).toBe(code);
  expect(typeof response.body.message).toBe('string');
  expect(response.body.message.length).toBeGreaterThan(0);
  expect(Array.isArray(response.body.details)).toBe(true);
}

/** A 400 VALIDATION_FAILED whose details are `[{field, message}]` and name `fields` (at least). */
export function expectValidation(response: Response, ...fields: string[]): void {
  expectError(response, 400, 'VALIDATION_FAILED');
  const details = response.body.details as Array<Record<string, unknown>>;
  expect(details.length).toBeGreaterThan(0);
  for (const detail of details) {
    expect(Object.keys(detail).sort()).toEqual(['field', 'message']);
    expect(typeof detail.field).toBe('string');
    expect(typeof detail.message).toBe('string');
    expect((detail.message as string).length).toBeGreaterThan(0);
  }
  const named = details.map((detail) => detail.field);
  for (const field of fields) expect(named).toContain(field);
}

export interface StoredEvent {
  event_id: string;
  type: string;
  version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Direct read access to the test database's `events` table, to check what a write appended. */
export class EventsTable {
  private constructor(
    private readonly client: Pool,
    private readonly keysPool: Pool,
    private readonly cipher: CaseCipher,
  ) {}

  static async open(url: string): Promise<EventsTable> {
    // A pool, not one client: tests read the table from checks that run side by side.
    const client = new Pool({ connectionString: url, max: 4 });
    const keysPool = new Pool({ connectionString: url, max: 2 });
    const cipher = new CaseCipher(new CaseKeyStore(keysPool, loadConfig({ NODE_ENV: 'test' }).masterKey));
    return new EventsTable(client, keysPool, cipher);
  }

  /** The case's events as the application reads them: sensitive fields opened with the case's key. */
  async ofCase(caseId: string): Promise<StoredEvent[]> {
    const stored = await this.storedOfCase(caseId);
    const opened = await this.cipher.open(
      stored.map((row) => ({
        eventId: row.event_id,
        streamId: `case-${caseId}`,
        version: row.version,
        position: 0,
        type: row.type,
        data: row.data as Json,
        metadata: row.metadata as unknown as StoredMetadata,
      })),
    );
    return stored.map((row, index) => ({ ...row, data: opened[index].data as Record<string, unknown> }));
  }

  /** The rows exactly as stored: sensitive fields are sealed. */
  async storedOfCase(caseId: string): Promise<StoredEvent[]> {
    const result = await this.client.query<StoredEvent>(
      `SELECT event_id, type, version, data, metadata FROM events WHERE stream_id = 'case-' || $1 ORDER BY version`,
      [caseId],
    );
    return result.rows;
  }

  async versionOf(caseId: string): Promise<number> {
    const result = await this.client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM events WHERE stream_id = 'case-' || $1`,
      [caseId],
    );
    return result.rows[0].version ?? 0;
  }

  async count(): Promise<number> {
    const result = await this.client.query<{ n: string }>(`SELECT count(*) AS n FROM events`);
    return Number(result.rows[0].n);
  }

  async eventId(caseId: string, type: string): Promise<string> {
    const events = (await this.ofCase(caseId)).filter((event) => event.type === type);
    if (events.length === 0) throw new Error(`no ${type} event in case ${caseId}`);
    return events[events.length - 1].event_id;
  }

  async close(): Promise<void> {
    await this.client.end();
    await this.keysPool.end();
  }
}

/** Another instance of the API on an existing database (no migrations, no bootstrap admin): a second process. */
export async function startSecondApp(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: INestApplication; http: App }> {
  const app = await createApp(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, MIGRATE_ON_START: 'false', ...env }),
  );
  await app.init();
  return { app, http: app.getHttpServer() as App };
}

/** `date` written as ISO-8601 in a fixed offset such as +05:00 (Almaty), seconds precision. */
export function withOffset(date: Date, offsetMinutes: number): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant `ms` from now, in UTC ISO form. */
export function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

/** A realistic detainee for a new case. */
export function openCaseBody(fullName = 'Arman Zholatov', city = 'Almaty'): Record<string, unknown> {
  return {
    detainee: {
      fullName,
      nameVariants: ['Арман Жолатов'],
      birthDate: '1994-03-12',
      sex: 'male',
      city,
      vulnerabilities: ['chronic_illness'],
    },
    source: { kind: 'relative', reference: 'call from his sister' },
  };
}
