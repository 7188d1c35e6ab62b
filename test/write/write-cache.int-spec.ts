import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ActorRole, CaseCommand } from '@casetrack/domain';
import { caseStreamId, EVENT_STORE, type EventStore } from '@casetrack/event-store';
import type { CaseCommandOutcome } from '../../apps/api/src/cases/write/command-outcome';
import { ExecuteCaseCommand } from '../../apps/api/src/cases/write/execute-case-command';
import { startSecondApp } from '../support/e2e';
import { startTestApp, type TestApp } from '../support/test-app';

const OPEN: CaseCommand = {
  type: 'OpenCase',
  detainee: { fullName: 'Aigerim Nurlanova', nameVariants: [], sex: 'female', city: 'Almaty', vulnerabilities: [] },
  source: { kind: 'ngo' },
};
const NOTE: CaseCommand = { type: 'AddNote', text: 'Visited at the detention centre' };
const CLOSE: CaseCommand = { type: 'CloseCase', reason: 'Released and back home' };

/**
 * The write cache between two API processes on one database: a process whose cached state another process wrote past
 * never answers on it. A decision on the cached state is recorded only if the stream is still at its version; when it
 * is not, the append races, the entry is dropped, and the command is decided again on the stream as it is. The same
 * holds for a state read from the stream when another append lands between that read and the append.
 */
describe('write cache: a stale entry never decides', () => {
  let t: TestApp;
  let second: INestApplication;
  let storeA: EventStore;
  const coordinator = { id: randomUUID(), role: 'coordinator' as ActorRole };

  beforeAll(async () => {
    t = await startTestApp();
    second = (await startSecondApp(t.database.url)).app;
    storeA = t.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    await second.close();
    await t.close();
  });

  afterEach(() => jest.restoreAllMocks());

  function execute(app: INestApplication, caseId: string, command: CaseCommand): Promise<CaseCommandOutcome> {
    return app.get(CommandBus).execute(
      new ExecuteCaseCommand(caseId, command, {
        actor: coordinator,
        occurredAt: null,
        occurredAtPrecision: 'exact',
        correlationId: randomUUID(),
        idempotencyKey: null,
        expectedVersion: null,
        eventIds: () => randomUUID(),
      }),
    );
  }

  /** A case opened and written once by process A, so that A holds its state at version 2. */
  async function caseCachedByA(): Promise<string> {
    const caseId = randomUUID();
    expect(await execute(t.app, caseId, OPEN)).toMatchObject({ kind: 'appended', version: 1 });
    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'appended', version: 2 });
    return caseId;
  }

  async function typesOf(caseId: string): Promise<string[]> {
    return (await storeA.readStream(caseStreamId(caseId))).map((event) => event.type);
  }

  it('does not answer on a cached state that another process wrote past', async () => {
    const caseId = await caseCachedByA();
    expect(await execute(second, caseId, CLOSE)).toMatchObject({ kind: 'appended', version: 3 });

    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'refused', code: 'CASE_CLOSED' });
    expect(await typesOf(caseId)).toEqual(['CaseOpened', 'NoteAdded', 'CaseClosed']);
  });

  it('answers at the version after what another process appended', async () => {
    const caseId = await caseCachedByA();
    expect(await execute(second, caseId, NOTE)).toMatchObject({ kind: 'appended', version: 3 });
    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'appended', version: 4 });
  });

  it('decides again on the current state when another append lands just before the one made on the cache', async () => {
    const caseId = await caseCachedByA();
    const append = storeA.append.bind(storeA);
    let raced = false;
    const appends = jest.spyOn(storeA, 'append').mockImplementation(async (streamId, events, expected) => {
      if (!raced) {
        raced = true;
        expect(await execute(second, caseId, CLOSE)).toMatchObject({ kind: 'appended', version: 3 });
      }
      return append(streamId, events, expected);
    });

    // A's decision on its cached state (a note at version 2) is turned down by the store; on the stream read after
    // it, the case is closed.
    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'refused', code: 'CASE_CLOSED' });
    expect(appends).toHaveBeenCalledTimes(1);
    expect(await typesOf(caseId)).toEqual(['CaseOpened', 'NoteAdded', 'CaseClosed']);
  });

  it('decides again on the current state when another append lands between its read and its append', async () => {
    // Opened and written by B: A holds no state of this case and reads it.
    const caseId = randomUUID();
    expect(await execute(second, caseId, OPEN)).toMatchObject({ kind: 'appended', version: 1 });
    expect(await execute(second, caseId, NOTE)).toMatchObject({ kind: 'appended', version: 2 });
    const read = storeA.readStream.bind(storeA);
    let raced = false;
    const reads = jest.spyOn(storeA, 'readStream').mockImplementation(async (streamId, options) => {
      const events = await read(streamId, options);
      if (!raced) {
        // Process B closes the case after A has read the stream and before A appends.
        raced = true;
        expect(await execute(second, caseId, CLOSE)).toMatchObject({ kind: 'appended', version: 3 });
      }
      return events;
    });

    // A's first decision (a note, on the state at version 2) loses the race; the retry sees the case closed.
    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'refused', code: 'CASE_CLOSED' });
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(await typesOf(caseId)).toEqual(['CaseOpened', 'NoteAdded', 'CaseClosed']);
  });

  it('reads a stream from a version on', async () => {
    const caseId = await caseCachedByA();
    expect(await execute(t.app, caseId, NOTE)).toMatchObject({ kind: 'appended', version: 3 });
    const streamId = caseStreamId(caseId);
    expect((await storeA.readStream(streamId, { fromVersion: 2 })).map((event) => event.version)).toEqual([2, 3]);
    expect((await storeA.readStream(streamId, { fromVersion: 2, toVersion: 2 })).map((e) => e.version)).toEqual([2]);
    expect(await storeA.readStream(streamId, { fromVersion: 4 })).toEqual([]);
    const [note] = await storeA.readStream(streamId, { fromVersion: 3 });
    // Opened like any read: the sensitive text reads as written.
    expect(note.data).toEqual({ text: 'Visited at the detention centre' });
  });
});
