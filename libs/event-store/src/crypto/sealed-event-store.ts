import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  FeedBatch,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { caseIdOf } from '../case-streams';
import type { CaseCipher } from './case-cipher';

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
    return { ...result, events: await this.cipher.open(result.events) };
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
