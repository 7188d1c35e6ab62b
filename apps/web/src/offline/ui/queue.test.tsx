import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/render';
import { createApiClient } from '../../api/client';
import { ConsoleState } from '../../api/console-state';
import { NetworkError } from '../../api/errors';
import { Submission } from '../../api/submission';
import { isQueued, sendWrite } from '../../api/write';
import type { NewOutboxEntry } from '../index';
import type { KeepWrite } from './queue';

const CASE = '6f1c1f0e-1111-4a4a-8a8a-000000000001';
const detention = {
  path: '/v1/cases/{caseId}/detention',
  pathParams: { caseId: CASE },
  body: {
    authority: 'police',
    place: 'ИВС №1',
    occurredAt: '2026-11-25T08:00:00.000Z',
    occurredAtPrecision: 'exact',
  },
  ifMatch: 7,
} as const;

function keeper(answer: 'absent' | 'locked' | 'kept' = 'kept'): { keep: KeepWrite; kept: NewOutboxEntry[] } {
  const kept: NewOutboxEntry[] = [];
  const keep: KeepWrite = async (entry) => {
    if (answer !== 'kept') return answer;
    kept.push(entry);
    return {
      id: entry.id ?? 'new',
      seq: kept.length,
      caseRef: entry.caseRef,
      path: entry.path,
      enteredAt: '2026-12-01T07:00:00.000Z',
      state: 'pending',
    };
  };
  return { keep, kept };
}

function failingNetwork(): { fetch: typeof fetch; keys: (string | null)[] } {
  const keys: (string | null)[] = [];
  const fetchImpl = async (input: RequestInfo | URL): Promise<Response> => {
    keys.push((input as Request).headers.get('Idempotency-Key'));
    throw new TypeError('Failed to fetch');
  };
  return { fetch: fetchImpl as typeof fetch, keys };
}

afterEach(() => vi.restoreAllMocks());

describe('a write without a connection (issue 18)', () => {
  it('is kept in the outbox under the key its lost attempts were sent with, with its version and occurredAt', async () => {
    const net = failingNetwork();
    const { keep, kept } = keeper();
    const outcome = await sendWrite(createApiClient(new ConsoleState(), net.fetch), new Submission(), detention, {
      keep,
    });
    expect(isQueued(outcome)).toBe(true);
    expect(net.keys).toHaveLength(3);
    expect(new Set(net.keys).size).toBe(1);
    expect(kept).toEqual([
      {
        id: net.keys[0],
        caseRef: CASE,
        path: '/v1/cases/{caseId}/detention',
        pathParams: { caseId: CASE },
        body: detention.body,
        ifMatch: 7,
      },
    ]);
  });

  it('is kept at once, without a request, when the browser says it is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const net = failingNetwork();
    const { keep, kept } = keeper();
    const outcome = await sendWrite(createApiClient(new ConsoleState(), net.fetch), new Submission(), detention, {
      keep,
    });
    expect(isQueued(outcome)).toBe(true);
    expect(net.keys).toHaveLength(0);
    expect(kept).toHaveLength(1);
  });

  it('fails as before, saying why, when the vault is locked or absent – the form keeps what was typed', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    for (const answer of ['locked', 'absent'] as const) {
      const error = await sendWrite(
        createApiClient(new ConsoleState(), failingNetwork().fetch),
        new Submission(),
        detention,
        { keep: keeper(answer).keep },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).notKept).toBe(answer);
    }
  });

  it('never sends a write whose case is a kept intake; it waits behind it in the outbox', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return json(201, {});
    }) as typeof fetch;
    const { keep, kept } = keeper();
    await sendWrite(
      createApiClient(new ConsoleState(), fetchImpl),
      new Submission(),
      { path: '/v1/cases/{caseId}/identity', pathParams: { caseId: 'local:abc' }, body: { birthYear: 1990 } },
      { keep, caseRef: 'local:abc', dependsOn: 'abc' },
    );
    expect(calls).toEqual([]);
    expect(kept[0]).toMatchObject({ caseRef: 'local:abc', dependsOn: 'abc' });
  });
});
