export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { EVENT_ID_CONSTRAINT, EVENTS_CHANNEL, STREAM_VERSION_CONSTRAINT } from './sql';
export { createPool, inClientTransaction, inTransaction, type PoolOptions, withClient } from './pool';
export { isDatabaseUnavailable } from './unavailable';
export { streamsAssigningLawyer } from './lawyer-assignments';
