import { describe, expect, it } from 'vitest';
import type { NewOutboxEntry, OutboxEntry, SendResult } from './types';
import { classify, syncOutbox } from './sync';
import { ACCOUNT, PASSPHRASE, testDevice, unlockedDevice } from './test-support';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';

function note(caseId: string, text: string, ifMatch?: number): NewOutboxEntry {
  return {
    caseRef: caseId,
    path: '/v1/cases/{caseId}/notes',
    pathParams: { caseId },
    body: { text, occurredAt: '2026-11-30T10:00:00+05:00' },
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  };
}

interface Recorded {
  readonly key: string;
  readonly caseId: string;
  readonly body: unknown;
}

/**
 * A server that keeps one version per case, honours If-Match and replays an Idempotency-Key's first answer. Its
 * `cut` hooks decide, per request, to fail before it arrives or to lose the answer after it was recorded.
 */
class FakeServer {
  readonly versions = new Map<string, number>();
  readonly recorded: Recorded[] = [];
  readonly requests: { key: string; ifMatch?: number; caseId: string }[] = [];
  private readonly answers = new Map<string, SendResult>();
  private nextCase = 1;
  position = 100;
  before: (entry: OutboxEntry) => boolean = () => false;
  loseAnswer: (entry: OutboxEntry) => boolean = () => false;
  status: (entry: OutboxEntry) => number | null = () => null;

  send = async (entry: OutboxEntry): Promise<SendResult> => {
    await Promise.resolve();
    const caseId = entry.path === '/v1/cases' ? '' : (entry.pathParams.caseId ?? '');
    this.requests.push({ key: entry.id, caseId, ...(entry.ifMatch !== undefined ? { ifMatch: entry.ifMatch } : {}) });
    if (this.before(entry)) return { kind: 'no-answer' };
    // Like the API: guards' refusals (401, 403, 429, 503) and a 409 are not stored for the key; the writer's are.
    const forced = this.status(entry);
    if (forced !== null) return { kind: 'answer', status: forced, body: { statusCode: forced, code: 'FORCED' } };
    const replay = this.answers.get(entry.id);
    const answer = replay ?? this.handle(entry, caseId);
    if (replay === undefined) this.answers.set(entry.id, answer);
    return this.loseAnswer(entry) ? { kind: 'no-answer' } : answer;
  };

  private handle(entry: OutboxEntry, caseId: string): SendResult {
    if (entry.path === '/v1/cases') {
      const id = `cccccccc-0000-4000-8000-00000000000${this.nextCase++}`;
      this.versions.set(id, 1);
      this.recorded.push({ key: entry.id, caseId: id, body: entry.body });
      return { kind: 'answer', status: 201, body: { caseId: id, version: 1, position: ++this.position } };
    }
    const version = this.versions.get(caseId) ?? 0;
    if (entry.ifMatch !== undefined && entry.ifMatch !== version) {
      return {
        kind: 'answer',
        status: 412,
        body: { statusCode: 412, code: 'VERSION_MISMATCH', currentVersion: version },
      };
    }
    this.versions.set(caseId, version + 1);
    this.recorded.push({ key: entry.id, caseId, body: entry.body });
    return { kind: 'answer', status: 201, body: { caseId, version: version + 1, position: ++this.position } };
  }
}

const texts = (recorded: readonly Recorded[]): unknown[] => recorded.map((r) => (r.body as { text?: string }).text);

describe('classify', () => {
  it('tells final, held and retryable answers apart', () => {
    const answer = (status: number, body: unknown = {}): SendResult => ({ kind: 'answer', status, body });
    expect(classify(answer(201, { caseId: A, version: 2, position: 9 }))).toMatchObject({ kind: 'sent' });
    for (const status of [400, 403, 404, 412, 422]) expect(classify(answer(status))).toMatchObject({ kind: 'held' });
    for (const status of [409, 500, 502]) expect(classify(answer(status))).toEqual({ kind: 'retry-case' });
    expect(classify(answer(429))).toEqual({ kind: 'stop', stop: 'busy' });
    expect(classify(answer(503))).toEqual({ kind: 'stop', stop: 'busy' });
    expect(classify(answer(401))).toEqual({ kind: 'stop', stop: 'unauthenticated' });
    expect(classify(answer(403, { code: 'CSRF_TOKEN_INVALID' }))).toEqual({ kind: 'stop', stop: 'unauthenticated' });
    expect(classify({ kind: 'no-answer' })).toEqual({ kind: 'stop', stop: 'network' });
  });
});

describe('syncOutbox', () => {
  it('sends in seq order and empties the outbox', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    await outbox.add(note(A, 'one'));
    await outbox.add(note(B, 'two'));
    await outbox.add(note(A, 'three'));
    const report = await syncOutbox(outbox, server.send);
    expect(texts(server.recorded)).toEqual(['one', 'two', 'three']);
    expect(report).toMatchObject({ remaining: 0, stoppedBy: null, held: [] });
    expect(report.sent.map((s) => s.answer.caseId)).toEqual([A, B, A]);
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps the rest after a network cut in the middle and resends with the same keys', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    for (const text of ['one', 'two', 'three', 'four']) await outbox.add(note(A, text));
    const keys = (await outbox.list()).map((e) => e.id);
    let cut = true;
    server.before = (entry) => cut && entry.id === keys[2];
    const first = await syncOutbox(outbox, server.send);
    expect(first).toMatchObject({ stoppedBy: 'network', remaining: 2 });
    expect((await outbox.list()).map((e) => e.id)).toEqual(keys.slice(2));
    expect((await outbox.list()).every((e) => e.state === 'pending')).toBe(true);
    cut = false;
    const second = await syncOutbox(outbox, server.send);
    expect(second).toMatchObject({ stoppedBy: null, remaining: 0 });
    expect(server.requests.map((r) => r.key)).toEqual([keys[0], keys[1], keys[2], keys[2], keys[3]]);
    expect(texts(server.recorded)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('resends an entry the server recorded but whose answer was lost with the same key, and removes it once', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const entry = await outbox.add(note(A, 'recorded once'));
    let lose = true;
    server.loseAnswer = () => lose;
    expect(await syncOutbox(outbox, server.send)).toMatchObject({ stoppedBy: 'network', remaining: 1 });
    expect(server.recorded).toHaveLength(1);
    lose = false;
    const report = await syncOutbox(outbox, server.send);
    expect(report.sent).toEqual([
      { id: entry.id, caseRef: A, answer: expect.objectContaining({ caseId: A, version: 1 }) },
    ]);
    expect(server.requests.map((r) => r.key)).toEqual([entry.id, entry.id]);
    expect(server.recorded).toHaveLength(1);
    expect(await outbox.count()).toBe(0);
    expect(await syncOutbox(outbox, server.send)).toMatchObject({ sent: [], remaining: 0 });
    expect(server.requests).toHaveLength(2);
  });

  it('holds a 412 with its problem; the case waits behind it while another case goes on', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    server.versions.set(A, 5);
    server.versions.set(B, 1);
    const conflicted = await outbox.add(note(A, 'based on 4', 4));
    const behind = await outbox.add(note(A, 'after it'));
    await outbox.add(note(B, 'other case', 1));
    const report = await syncOutbox(outbox, server.send);
    expect(report.held).toEqual([
      {
        id: conflicted.id,
        caseRef: A,
        problem: { status: 412, body: expect.objectContaining({ code: 'VERSION_MISMATCH', currentVersion: 5 }) },
      },
    ]);
    expect(texts(server.recorded)).toEqual(['other case']);
    const left = await outbox.list();
    expect(left.map((e) => [e.id, e.state])).toEqual([
      [conflicted.id, 'held'],
      [behind.id, 'pending'],
    ]);
    expect(left[0]?.problem?.status).toBe(412);

    // Held entries are not sent again until the person acts.
    await syncOutbox(outbox, server.send);
    expect(server.requests.filter((r) => r.key === conflicted.id)).toHaveLength(1);

    const reapplied = await outbox.reapply(conflicted.id, 5);
    expect(reapplied.id).not.toBe(conflicted.id);
    expect(reapplied).toMatchObject({ state: 'pending', ifMatch: 5, seq: conflicted.seq });
    expect(reapplied.problem).toBeUndefined();
    expect(await syncOutbox(outbox, server.send)).toMatchObject({ remaining: 0, held: [] });
    expect(texts(server.recorded)).toEqual(['other case', 'based on 4', 'after it']);
    expect(server.requests.at(-2)).toMatchObject({ key: reapplied.id, ifMatch: 5 });
  });

  it('holds a 403 (never drops it) and a changed entry goes with a new key', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const entry = await outbox.add(note(A, 'forbidden'));
    server.status = (e) => (e.id === entry.id ? 403 : null);
    const report = await syncOutbox(outbox, server.send);
    expect(report.held.map((h) => h.problem.status)).toEqual([403]);
    expect(await outbox.list()).toEqual([expect.objectContaining({ id: entry.id, state: 'held' })]);
    const changed = await outbox.change(entry.id, { text: 'changed', occurredAt: '2026-11-30T10:00:00+05:00' });
    expect(changed.id).not.toBe(entry.id);
    await expect(outbox.change(changed.id, {})).rejects.toMatchObject({ code: 'not-held' });
    await syncOutbox(outbox, server.send);
    expect(texts(server.recorded)).toEqual(['changed']);
  });

  it('keeps 409 and 5xx pending for the same key, stops on 401 and 503 without holding', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const a = await outbox.add(note(A, 'conflict'));
    await outbox.add(note(B, 'b'));
    let statusA: number | null = 409;
    server.status = (e) => (e.id === a.id ? statusA : null);
    const report = await syncOutbox(outbox, server.send);
    expect(report).toMatchObject({ held: [], remaining: 1, stoppedBy: null });
    expect(texts(server.recorded)).toEqual(['b']);
    statusA = 500;
    await syncOutbox(outbox, server.send);
    statusA = 401;
    expect(await syncOutbox(outbox, server.send)).toMatchObject({ stoppedBy: 'unauthenticated', held: [] });
    statusA = 503;
    expect(await syncOutbox(outbox, server.send)).toMatchObject({ stoppedBy: 'busy', held: [] });
    statusA = null;
    await syncOutbox(outbox, server.send);
    expect(new Set(server.requests.filter((r) => r.caseId === A).map((r) => r.key))).toEqual(new Set([a.id]));
    expect(texts(server.recorded)).toEqual(['b', 'conflict']);
    expect(await outbox.count()).toBe(0);
  });

  it('fills the caseId of a queued intake into the entries that depend on it', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const intake = await outbox.add({
      caseRef: 'local:x',
      path: '/v1/cases',
      pathParams: {},
      body: { detainee: { fullName: 'N', city: 'C' }, source: { kind: 'relative' } },
    });
    const dependent: NewOutboxEntry = {
      caseRef: 'local:x',
      path: '/v1/cases/{caseId}/notes',
      pathParams: { caseId: 'local:x' },
      body: { text: 'on the new case' },
      dependsOn: intake.id,
    };
    await outbox.add(dependent);
    await outbox.add({ ...dependent, body: { text: 'second' } });
    // The intake's answer is lost once: its replay still gives the case id.
    let lose = true;
    server.loseAnswer = (e) => lose && e.id === intake.id;
    await syncOutbox(outbox, server.send);
    expect((await outbox.list()).map((e) => e.caseRef)).toEqual(['local:x', 'local:x', 'local:x']);
    lose = false;
    const report = await syncOutbox(outbox, server.send);
    const caseId = server.recorded[0]?.caseId;
    expect(caseId).toMatch(/^cccccccc/);
    expect(server.recorded.map((r) => r.caseId)).toEqual([caseId, caseId, caseId]);
    expect(texts(server.recorded)).toEqual([undefined, 'on the new case', 'second']);
    expect(report.sent.map((s) => s.caseRef)).toEqual(['local:x', caseId, caseId]);
  });

  it('a held intake changed under a new key keeps its dependent entries', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const intake = await outbox.add({ caseRef: 'local:z', path: '/v1/cases', pathParams: {}, body: { bad: true } });
    await outbox.add({ ...note('local:z', 'on it'), dependsOn: intake.id });
    server.status = (e) => ((e.body as { bad?: boolean }).bad === true ? 422 : null);
    expect((await syncOutbox(outbox, server.send)).held.map((h) => h.id)).toEqual([intake.id]);
    const changed = await outbox.change(intake.id, { detainee: { fullName: 'N', city: 'C' } });
    expect((await outbox.list()).map((e) => e.dependsOn)).toEqual([undefined, changed.id]);
    const report = await syncOutbox(outbox, server.send);
    expect(report).toMatchObject({ held: [], remaining: 0 });
    expect(texts(server.recorded)).toEqual([undefined, 'on it']);
  });

  it('holds an entry whose intake was answered without a case id (INTAKE_MISSING), and its case waits', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    const intake = await outbox.add({ caseRef: 'local:w', path: '/v1/cases', pathParams: {}, body: {} });
    const first = await outbox.add({ ...note('local:w', 'one'), dependsOn: intake.id });
    await outbox.add({ ...note('local:w', 'two'), dependsOn: intake.id });
    server.status = (e) => (e.path === '/v1/cases' ? 201 : null);
    const report = await syncOutbox(outbox, server.send);
    expect(report.held).toEqual([
      { id: first.id, caseRef: 'local:w', problem: { status: 0, body: { code: 'INTAKE_MISSING' } } },
    ]);
    expect(server.requests.map((r) => r.key)).toEqual([intake.id]);
    expect((await outbox.list()).map((e) => e.state)).toEqual(['held', 'pending']);
  });

  it('discarding a queued intake discards the entries that depend on it', async () => {
    const { outbox } = await unlockedDevice();
    const intake = await outbox.add({ caseRef: 'local:y', path: '/v1/cases', pathParams: {}, body: {} });
    const d = await outbox.add({ ...note('local:y', 'x'), dependsOn: intake.id });
    const other = await outbox.add(note(A, 'stays'));
    expect(await outbox.discard(intake.id)).toEqual([intake.id, d.id]);
    expect((await outbox.list()).map((e) => e.id)).toEqual([other.id]);
    await expect(outbox.discard(intake.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('chains ifMatch: the second write queued on the version the first was based on goes with its answer', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    server.versions.set(A, 7);
    await outbox.add(note(A, 'first', 7));
    await outbox.add(note(A, 'second', 7));
    await outbox.add(note(A, 'third', 7));
    // Interrupted after the first: the rewrite is kept in the store, not only in the run.
    let calls = 0;
    server.before = () => ++calls === 2;
    await syncOutbox(outbox, server.send);
    expect((await outbox.list()).map((e) => e.ifMatch)).toEqual([8, 8]);
    server.before = () => false;
    const report = await syncOutbox(outbox, server.send);
    expect(report.held).toEqual([]);
    expect(server.requests.map((r) => r.ifMatch)).toEqual([7, 8, 8, 9]);
    expect(server.versions.get(A)).toBe(10);
  });

  it('does not chain an entry based on another version: it is held with a 412', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    server.versions.set(A, 7);
    await outbox.add(note(A, 'first', 7));
    const stale = await outbox.add(note(A, 'based on an older read', 6));
    const report = await syncOutbox(outbox, server.send);
    expect(report.held.map((h) => [h.id, h.problem.status])).toEqual([[stale.id, 412]]);
  });

  it('keeps the outbox across a closed and reopened browser, and sends each fact once with its occurredAt', async () => {
    const first = await unlockedDevice();
    const occurredAt = ['2026-11-28T09:00:00+05:00', '2026-11-28T15:30:00+05:00', '2026-11-29T11:00:00+05:00'];
    const paths = [
      '/v1/cases/{caseId}/detention',
      '/v1/cases/{caseId}/transfers',
      '/v1/cases/{caseId}/torture-allegations',
    ] as const;
    for (const [i, path] of paths.entries()) {
      await first.outbox.add({
        caseRef: A,
        path,
        pathParams: { caseId: A },
        body: { occurredAt: occurredAt[i] },
        ifMatch: 3,
      });
    }
    const reopened = testDevice(first.factory, first.clock);
    expect(await reopened.vault.ready()).toBe('locked');
    expect(await reopened.outbox.count()).toBe(3);
    expect(await reopened.vault.unlock(PASSPHRASE, ACCOUNT)).toBe('unlocked');
    const server = new FakeServer();
    server.versions.set(A, 3);
    // The second write is recorded but its answer is lost; then the network is back.
    let lost = false;
    server.loseAnswer = (e) => !lost && e.path === paths[1] && (lost = true);
    await syncOutbox(reopened.outbox, server.send);
    await syncOutbox(reopened.outbox, server.send);
    expect(server.recorded.map((r) => (r.body as { occurredAt: string }).occurredAt)).toEqual(occurredAt);
    expect(server.requests.map((r) => r.ifMatch)).toEqual([3, 4, 4, 5]);
    expect(await reopened.outbox.count()).toBe(0);
  });

  it('two syncs at once never send an entry twice', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    for (const text of ['1', '2', '3', '4', '5']) await outbox.add(note(text === '3' ? B : A, text));
    const [r1, r2] = await Promise.all([syncOutbox(outbox, server.send), syncOutbox(outbox, server.send)]);
    expect(r1.sent.length + r2.sent.length).toBe(5);
    const keys = server.requests.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(5);
  });

  it('gives up on a send that never answers: no answer, the signal aborted, the entry kept with its key', async () => {
    const { outbox } = await unlockedDevice();
    const entry = await outbox.add(note(A, 'hangs'));
    let signal: AbortSignal | null = null;
    const report = await syncOutbox(
      outbox,
      (_entry, given) => {
        signal = given;
        return new Promise<SendResult>(() => undefined);
      },
      { timeoutMs: 5 },
    );
    expect(report).toMatchObject({ stoppedBy: 'network', remaining: 1 });
    expect((signal as AbortSignal | null)?.aborted).toBe(true);
    expect((await outbox.list()).map((e) => e.id)).toEqual([entry.id]);
  });

  it('refuses to discard the entry in flight', async () => {
    const { outbox } = await unlockedDevice();
    const entry = await outbox.add(note(A, 'x'));
    let refused: unknown = null;
    await syncOutbox(outbox, async (e) => {
      refused = await outbox.discard(e.id).catch((error: unknown) => error);
      return { kind: 'answer', status: 201, body: { caseId: A, version: 1, position: 1 } };
    });
    expect(refused).toMatchObject({ code: 'sending' });
    expect(await outbox.count()).toBe(0);
    await expect(outbox.discard(entry.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('uses navigator.locks when the browser has it', async () => {
    const { outbox } = await unlockedDevice();
    const server = new FakeServer();
    await outbox.add(note(A, 'x'));
    const names: string[] = [];
    const locks = {
      request: (name: string, work: () => Promise<unknown>) => {
        names.push(name);
        return work();
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      await syncOutbox(outbox, server.send);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
    expect(names).toEqual(['casetrack-outbox-sync']);
    expect(server.recorded).toHaveLength(1);
  });

  it('stops with "locked" when the vault is locked and shows the entry in flight as sending', async () => {
    const { vault, outbox } = await unlockedDevice();
    await outbox.add(note(A, 'x'));
    await outbox.add(note(A, 'y'));
    const states: string[] = [];
    const report = await syncOutbox(outbox, async (entry) => {
      states.push((await outbox.list()).find((e) => e.id === entry.id)?.state ?? 'gone');
      vault.lock();
      return { kind: 'answer', status: 201, body: { caseId: A, version: 1, position: 1 } };
    });
    expect(states).toEqual(['sending']);
    expect(report.stoppedBy).toBe('locked');
  });
});
