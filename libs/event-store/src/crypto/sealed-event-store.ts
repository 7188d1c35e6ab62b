import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  FeedBatch,
  Json,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { caseIdOf } from '../case-streams';
import { isPlainJson } from '../hash-chain';
import { type CaseCipher, hasSealed } from './case-cipher';

/**
 * The recorded events as a read will give them: a field sealed under a live key reads as the writer gave it; an
 * event stored without any sealed field (nothing sensitive, or erased before it was written) reads as stored. Null
 * when the events do not pair up one to one; they are then opened as any read opens them.
 */
function asWritten(recorded: RecordedEvent[], given: NewEvent[], sealed: NewEvent[]): RecordedEvent[] | null {
  if (recorded.length !== given.length || sealed.length !== given.length) return null;
  if (recorded.some((event, i) => event.eventId !== given[i].eventId.toLowerCase())) return null;
  return recorded.map((event, i) => {
    if (!hasSealed(sealed[i].data)) return event;
    const data = given[i].data;
    return { ...event, data: isPlainJson(data) ? data : (JSON.parse(JSON.stringify(data)) as Json) };
  });
}

/**
 * The event store as the application sees it: sensitive fields of case events are sealed on the way in and
 * opened on the way out, so deciders, projections and reads work with plain facts while the table holds
 * ciphertext. Verification reads the stored form from the wrapped store directly.
 */
export class SealedEventStore implements EventStore {
  constructor(
    private readonly stored: EventStore,
    private readonly cipher: CaseCipher,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const caseId = caseIdOf(streamId);
    const sealed = caseId ? await this.cipher.seal(caseId, events) : events;
    const result = await this.stored.append(streamId, sealed, expected);
    // The writer knows the plaintext it has just sealed: no key lookup to open it again.
    return { ...result, events: asWritten(result.events, events, sealed) ?? (await this.cipher.open(result.events)) };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.cipher.open(await this.stored.readStream(streamId, options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.stored.streamVersion(streamId);
  }

  async readAll(options: ReadAllOptions): Promise<FeedBatch> {
    const batch = await this.stored.readAll(options);
    return { ...batch, events: await this.cipher.open(batch.events) };
  }

  subscribe(handle: (batch: FeedBatch) => Promise<void>, options: SubscribeOptions): Subscription {
    return this.stored.subscribe(
      async (batch) => handle({ ...batch, events: await this.cipher.open(batch.events) }),
      options,
    );
  }

  isAtOrBefore(position: number, checkpoint: number): Promise<boolean> {
    return this.stored.isAtOrBefore(position, checkpoint);
  }

  close(): Promise<void> {
    return this.stored.close();
  }
}
