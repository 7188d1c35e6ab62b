import type { RecordedEvent } from '@casetrack/event-store';

/**
 * Where the copy writes: the KurrentDB adapter (KurrentDbEventStore has exactly these methods), or an in-memory
 * stand-in in tests, since KurrentDB cannot run everywhere the tests do.
 */
export interface CopyTarget {
  /**
   * Stores consecutive versions of one stream exactly as given (ids, versions, metadata with both times and the
   * hashes): `'present'` when the target already held all of them identically, as after an interrupted copy.
   */
  replicate(streamId: string, events: readonly RecordedEvent[]): Promise<'written' | 'present'>;
  readStream(streamId: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}
