import { CASE_EVENT_SCHEMA_VERSIONS, isCaseEventType, type CaseEvent, type CaseEventType } from '../events/case-events';

/** Turns the data of `type` at schema version N into its shape at version N + 1. */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * One entry per (type, old version). Every type is at version 1 today, so there is none.
 * When, say, HearingScheduled moves to v2, bump CASE_EVENT_SCHEMA_VERSIONS and add:
 *   'HearingScheduled@1': (data) => ({ ...data, newField: defaultValue }),
 */
const UPCASTERS: Readonly<Partial<Record<`${CaseEventType}@${number}`, Upcaster>>> = {};

/**
 * Reads a stored event into the current shape. Throws on what the code cannot read: an unknown
 * type, a version newer than this code writes, or a missing step; a stream that cannot be read
 * must stop the load rather than fold into a wrong state.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): CaseEvent {
  if (!isCaseEventType(type)) throw new Error(`Unknown event type "${type}"`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`Event ${type} v${schemaVersion}: data is not an object`);
  }
  const current = CASE_EVENT_SCHEMA_VERSIONS[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
    throw new Error(`Event ${type}: unsupported schema version ${schemaVersion} (current is ${current})`);
  }
  let shaped = data as Record<string, unknown>;
  for (let version = schemaVersion; version < current; version += 1) {
    const step = UPCASTERS[`${type}@${version}`];
    if (!step) throw new Error(`Event ${type}: no upcaster from v${version} to v${version + 1}`);
    shaped = step(shaped);
  }
  // The stored data was validated when it was written at the current version's shape.
  return { type, data: shaped } as unknown as CaseEvent;
}
