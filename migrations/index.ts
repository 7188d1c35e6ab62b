import type { MigrationInterface } from 'typeorm';
import { EventStore1764000000000 } from './1764000000000-event-store';
import { Accounts1764000000100 } from './1764000000100-accounts';

/** Every migration, in order. Listed explicitly so the same set runs from TypeScript (tests) and from `dist/`. */
export const ALL_MIGRATIONS: Array<new () => MigrationInterface> = [EventStore1764000000000, Accounts1764000000100];
