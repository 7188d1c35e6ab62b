export * from './event-store.port';
export * from './hash-chain';
export * from './postgres';
export * from './case-streams';
