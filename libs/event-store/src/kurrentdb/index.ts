// Types only from the adapter itself: importing this library must not load the KurrentDB client (see loadKurrentDb).
export type {
  KurrentDbEventStore,
  KurrentDbEventStoreOptions,
  ReplicaMismatchError,
  ReplicateOutcome,
} from './kurrentdb-event-store';
export {
  loadKurrentDb,
  openEventStoreAdapter,
  type EventStoreKind,
  type EventStoreSelection,
} from './adapter-selection';
