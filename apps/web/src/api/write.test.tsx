import { describe, expect, it } from 'vitest';
import { json } from '../../test/render';
import { createApiClient } from './client';
import { ConsoleState } from './console-state';
import { ApiError, NetworkError, versionMismatch } from './errors';
import { Submission } from './submission';
import { sendWrite } from './write';

const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';

function network(answers: Array<() => Response | Error>): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    requests.push(input as Request);
    const next = answers.shift();
    if (next === undefined) throw new Error('no answer scripted');
    const answer = next();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

const note = (text: string) =>
  ({ path: '/v1/cases/{caseId}/notes', pathParams: { caseId: CASE }, body: { text }, ifMatch: 4 }) as const;

describe('a write of a form submission', () => {
  it('sends the same Idempotency-Key again when the answer was lost, and If-Match with the version seen', async () => {
    const net = network([
      () => new TypeError('Failed to fetch'),
      () => json(201, { caseId: CASE, version: 5, position: 20 }),
    ]);
    const client = createApiClient(new ConsoleState(), net.fetch);
    const answer = await sendWrite(client, new Submission(), note('x'));

    expect(answer).toEqual({ caseId: CASE, version: 5, position: 20 });
    expect(net.requests).toHaveLength(2);
    const [first, second] = net.requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(net.requests.map((r) => r.headers.get('If-Match'))).toEqual(['"4"', '"4"']);
  });

  it('reuses the key for a double click (same body) and makes a new one for the next submission', async () => {
    const net = network([
      () => json(422, { statusCode: 422, code: 'CASE_CLOSED', message: 'closed', details: [] }),
      () => json(201, { caseId: CASE, version: 5, position: 20 }),
      () => json(201, { caseId: CASE, version: 6, position: 21 }),
    ]);
    const client = createApiClient(new ConsoleState(), net.fetch);
    const submission = new Submission();

    await expect(sendWrite(client, submission, note('x'))).rejects.toBeInstanceOf(ApiError);
    await sendWrite(client, submission, note('x'));
    await sendWrite(client, submission, note('x'));

    const keys = net.requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('makes a new key when the body changed (the API refuses a key reused with another body)', async () => {
    const net = network([
      () => new TypeError('offline'),
      () => new TypeError('offline'),
      () => new TypeError('offline'),
      () => json(201, { caseId: CASE, version: 5, position: 20 }),
    ]);
    const client = createApiClient(new ConsoleState(), net.fetch);
    const submission = new Submission();
    await expect(sendWrite(client, submission, note('first'))).rejects.toBeInstanceOf(NetworkError);
    await sendWrite(client, submission, note('corrected'));
    const keys = net.requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('turns a 412 into an error that names both versions', async () => {
    const net = network([
      () =>
        json(412, {
          statusCode: 412,
          code: 'VERSION_MISMATCH',
          message: 'changed',
          details: [{ expectedVersion: 4, actualVersion: 6 }],
        }),
    ]);
    const client = createApiClient(new ConsoleState(), net.fetch);
    const error = await sendWrite(client, new Submission(), note('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(versionMismatch(error as ApiError)).toEqual({ expectedVersion: 4, actualVersion: 6 });
  });
});
