import { randomUUID } from 'node:crypto';
import { foldFacts } from '@casetrack/domain';
import { type ReadStreamOptions, type RecordedEvent, toCaseFact } from '@casetrack/event-store';
import { CaseStates } from './case-states';

/** Only what CaseStates uses of a store: streams held in memory, every read counted with its options. */
class StreamsInMemory {
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly reads: Array<{ streamId: string; fromVersion: number }> = [];

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const fromVersion = options.fromVersion ?? 1;
    this.reads.push({ streamId, fromVersion });
    return Promise.resolve((this.streams.get(streamId) ?? []).filter((event) => event.version >= fromVersion));
  }

  /** Appends a note (or, first, the opening) behind the cache's back, as another process would. */
  write(streamId: string): RecordedEvent {
    const stream = this.streams.get(streamId) ?? [];
    const version = stream.length + 1;
    const recorded: RecordedEvent = {
      eventId: randomUUID(),
      streamId,
      version,
      position: version,
      type: version === 1 ? 'CaseOpened' : 'NoteAdded',
      data:
        version === 1
          ? { detainee: { fullName: 'Dana Serikova', nameVariants: [], city: 'Almaty' }, source: { kind: 'ngo' } }
          : { text: `note ${version}` },
      metadata: {
        actorId: 'coordinator-1',
        actorRole: 'coordinator',
        correlationId: randomUUID(),
        causationId: null,
        occurredAt: '2024-03-01T10:00:00.000Z',
        occurredAtPrecision: 'exact',
        schemaVersion: 1,
        recordedAt: '2024-03-01T10:00:00.000Z',
        prevHash: '',
        hash: '',
      },
    };
    this.streams.set(streamId, [...stream, recorded]);
    return recorded;
  }
}

function statesOver(store: StreamsInMemory, capacity: number): CaseStates {
  return new CaseStates(store, capacity);
}

describe('CaseStates: the write path’s cache of folded cases', () => {
  it('reads only the events after the version it holds, and folds them like the whole stream', async () => {
    const store = new StreamsInMemory();
    const states = statesOver(store, 10);
    for (let i = 0; i < 5; i++) store.write('case-a');
    expect((await states.current('case-a')).version).toBe(5);

    store.write('case-a');
    store.write('case-a');
    const state = await states.current('case-a');
    expect(store.reads).toEqual([
      { streamId: 'case-a', fromVersion: 1 },
      { streamId: 'case-a', fromVersion: 6 },
    ]);
    expect(state).toEqual(foldFacts((store.streams.get('case-a') ?? []).map(toCaseFact)));
  });

  it('keeps an appended state, so the next load reads nothing but what came after it', async () => {
    const store = new StreamsInMemory();
    const states = statesOver(store, 10);
    store.write('case-a');
    const before = await states.current('case-a');
    states.appended('case-a', before, [store.write('case-a')]);
    expect(states.cached('case-a')?.version).toBe(2);
    expect((await states.current('case-a')).version).toBe(2);
    expect(store.reads.at(-1)).toEqual({ streamId: 'case-a', fromVersion: 3 });
  });

  it('forgets an entry after a failed append and after an append that does not follow it', async () => {
    const store = new StreamsInMemory();
    const states = statesOver(store, 10);
    store.write('case-a');
    const before = await states.current('case-a');
    states.forget('case-a');
    expect(states.cached('case-a')).toBeUndefined();

    await states.current('case-a');
    store.write('case-a');
    states.appended('case-a', before, [store.write('case-a')]);
    expect(states.cached('case-a')).toBeUndefined();
  });

  it('holds at most its capacity, the least recently used going first', async () => {
    const store = new StreamsInMemory();
    const states = statesOver(store, 2);
    for (const streamId of ['case-a', 'case-b', 'case-c']) {
      store.write(streamId);
      await states.current(streamId);
      if (streamId === 'case-b') await states.current('case-a');
    }
    expect(states.size).toBe(2);
    expect(states.cached('case-a')).toBeDefined();
    expect(states.cached('case-b')).toBeUndefined();
  });

  it('caches nothing when its capacity is 0: every load reads the whole stream', async () => {
    const store = new StreamsInMemory();
    const states = statesOver(store, 0);
    store.write('case-a');
    await states.current('case-a');
    await states.current('case-a');
    expect(store.reads).toEqual([
      { streamId: 'case-a', fromVersion: 1 },
      { streamId: 'case-a', fromVersion: 1 },
    ]);
    expect(states.cached('case-a')).toBeUndefined();
  });
});
