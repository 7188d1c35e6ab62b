import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import type { AuthenticatedUser } from '@casetrack/auth';
import type { CaseCommand } from '@casetrack/domain';
import { ApiException } from '../../apps/api/src/common/api-exception';
import { CaseWriter } from '../../apps/api/src/cases/write/case-writer';
import { hashRequest } from '../../apps/api/src/cases/write/request-hash';
import type { WriteOutcome } from '../../apps/api/src/cases/write/write-outcome';
import { httpAnswerOf } from '../../apps/api/src/cases/write/write-outcome.http';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app';
import { CASE_ID, OLD_ROWS } from './old-idempotency-rows';

interface StoredRow {
  request_hash: string;
  status_code: number | null;
  response: Record<string, unknown> | null;
  outcome: Record<string, unknown> | null;
}

/**
 * Idempotency records written before outcomes were stored hold an HTTP status and the body that was answered. A
 * repeat of such a request, after the upgrade, gets exactly that answer again, and the row stays as it was.
 */
describe('idempotency records stored as status and body, before outcomes were', () => {
  let t: TestApp;
  let db: Client;
  let writer: CaseWriter;
  let actor: AuthenticatedUser;
  let executed: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [ADMIN.email]);
    actor = { id: rows[0].id, email: ADMIN.email, name: 'admin', role: 'coordinator', timeZone: 'UTC', locale: 'en' };
    writer = t.app.get(CaseWriter);
    executed = jest.spyOn(t.app.get(CommandBus), 'execute');
    for (const row of OLD_ROWS) {
      await db.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response, created_at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [actor.id, row.key, hashRequest(row.route, row.body), row.statusCode, row.response],
      );
    }
  });

  afterAll(async () => {
    executed.mockRestore();
    await db.end();
    await t.close();
  });

  beforeEach(() => executed.mockClear());

  interface Write {
    route: string;
    key: string;
    body: object;
    caseId?: string | null;
    command?: () => CaseCommand;
    answer?: () => Record<string, unknown>;
  }

  /** A write under an Idempotency-Key, as a route sends it. A replay must not need its command. */
  function writeWith({ route, key, body, caseId = CASE_ID, command, answer }: Write): Promise<WriteOutcome> {
    const unneeded = (): CaseCommand => {
      throw new Error('a replay decides nothing');
    };
    return writer.write({
      request: { actor, idempotencyKey: key, ifMatch: null, correlationId: randomUUID(), route },
      caseId,
      body,
      command: command ?? unneeded,
      answer,
    });
  }

  /** The write a client repeats: same key, route and body. */
  function repeat(route: string, key: string, body: object): Promise<WriteOutcome> {
    return writeWith({ route, key, body });
  }

  async function rowOf(key: string): Promise<StoredRow> {
    const { rows } = await db.query<StoredRow>(
      'SELECT request_hash, status_code, response, outcome FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [actor.id, key],
    );
    return rows[0];
  }

  it('replays an old 201 as it was: status, body with its own fields, ETag and Idempotent-Replayed', async () => {
    const [old] = OLD_ROWS;
    const before = await rowOf(old.key);
    const answer = httpAnswerOf(await repeat(old.route, old.key, old.body));
    expect(answer).toEqual({
      statusCode: 201,
      headers: { ETag: '"2"', 'Idempotent-Replayed': 'true' },
      body: old.response,
    });
    expect(executed).not.toHaveBeenCalled();
    expect(await rowOf(old.key)).toEqual(before);
    expect(before.outcome).toBeNull();
  });

  it.each(OLD_ROWS.slice(1).map((row) => [row.statusCode, row] as const))(
    'replays an old %i refusal as it was: the same body, marked Idempotent-Replayed',
    async (_, old) => {
      const before = await rowOf(old.key);
      const answer = httpAnswerOf(await repeat(old.route, old.key, old.body));
      if (!(answer instanceof ApiException)) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
      const { statusCode, code, message, details, headers } = answer;
      expect({ statusCode, code, message, details }).toEqual(old.response);
      expect(headers).toEqual({ 'Idempotent-Replayed': 'true' });
      expect(executed).not.toHaveBeenCalled();
      expect(await rowOf(old.key)).toEqual(before);
    },
  );

  it('refuses the key of an old record for another body, as before: IDEMPOTENCY_KEY_REUSED, not replayed', async () => {
    const [old] = OLD_ROWS;
    const answer = httpAnswerOf(await repeat(old.route, old.key, { ...old.body, title: 'Another charge' }));
    if (!(answer instanceof ApiException)) throw new Error(`expected a refusal, got ${JSON.stringify(answer)}`);
    expect([answer.statusCode, answer.code, answer.headers]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED', {}]);
    expect(executed).not.toHaveBeenCalled();
  });

  it('stores a new first answer as its outcome, with no status code, and replays it', async () => {
    const missing = randomUUID();
    const route = `POST /v1/cases/${missing}/notes`;
    const note = (): CaseCommand => ({ type: 'AddNote', text: 'Visited in SI-18' });
    const write = (): Promise<WriteOutcome> =>
      writeWith({ route, key: 'k-new', caseId: missing, body: { text: 'Visited in SI-18' }, command: note });

    const first = await write();
    expect([first.result, first.replayed]).toEqual([{ kind: 'not_found' }, false]);
    expect(executed).toHaveBeenCalledTimes(1);
    const row = await rowOf('k-new');
    expect(row).toEqual({
      request_hash: hashRequest(route, { text: 'Visited in SI-18' }),
      status_code: null,
      response: null,
      outcome: { kind: 'not_found' },
    });

    const again = await write();
    expect([again.result, again.replayed]).toEqual([{ kind: 'not_found' }, true]);
    expect(executed).toHaveBeenCalledTimes(1);
  });

  it('stores an append as its outcome: the answer with the fields the route added', async () => {
    const body = { detainee: { fullName: 'Aigerim Nurova', city: 'Oral' }, source: { kind: 'ngo' } };
    const outcome = await writeWith({
      route: 'POST /v1/cases',
      key: 'k-open',
      caseId: null,
      body,
      command: (): CaseCommand => ({
        type: 'OpenCase',
        detainee: { fullName: 'Aigerim Nurova', nameVariants: [], sex: 'female', city: 'Oral', vulnerabilities: [] },
        source: { kind: 'ngo' },
      }),
      answer: () => ({ possibleDuplicates: [] }),
    });
    if (outcome.result.kind !== 'appended') throw new Error(`expected an append, got ${outcome.result.kind}`);
    const { caseId, position } = outcome.result.answer;
    expect(outcome.result.answer).toEqual({ caseId, version: 1, position, possibleDuplicates: [] });
    const row = await rowOf('k-open');
    expect([row.status_code, row.response]).toEqual([null, null]);
    expect(row.outcome).toEqual({ kind: 'appended', answer: { caseId, version: 1, position, possibleDuplicates: [] } });
  });
});
