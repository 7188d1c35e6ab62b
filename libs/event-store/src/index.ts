export * from './event-store.port';
export * from './hash-chain';
export * from './postgres';
export * from './case-streams';
export * from './chain-verification';
export * from './stream-digest';
export * from './case-timeline';
