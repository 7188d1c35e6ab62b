export * from './values/vocabularies';
export * from './events/case-events';
export * from './commands/case-commands';
export * from './errors';
export * from './state/case-state';
export * from './state/evolve';
export * from './deciders/decide';
export * from './state/upcast';
