import { copyJson } from '../values/json';
import type { CaseEvent, CaseEventType } from './case-events';

/**
 * Which fields of each event identify a person or carry testimony. These are encrypted at rest with the
 * case's key and read as erased once the key is destroyed. `text` reads as ERASED_TEXT, `list` as [],
 * `optional` disappears.
 */
export type SensitiveKind = 'text' | 'list' | 'optional';
export type SensitivePaths = Readonly<Record<string, SensitiveKind>>;

export const ERASED_TEXT = '[erased]';

/**
 * Free text of the first version is `optional` or `list` (it disappears when erased); what a person types into fields
 * added to this list later is `text`, so that a reader sees it was there and was erased. FIELD_CLASSES is the
 * exhaustive table these are checked against.
 */
export const SENSITIVE_FIELDS: Readonly<Partial<Record<CaseEventType, SensitivePaths>>> = {
  CaseOpened: {
    'detainee.fullName': 'text',
    'detainee.nameVariants': 'list',
    'detainee.birthDate': 'optional',
    'source.reference': 'optional',
  },
  // birthYear is a number and stays, like the birth year a statistic of ages would need.
  IdentityCorrected: { fullName: 'text', birthDate: 'optional', occupation: 'text' },
  NameVariantsAdded: { variants: 'list' },
  LawyerUnassigned: { reason: 'text' },
  DetentionRecorded: { place: 'text', circumstances: 'optional', injuries: 'optional' },
  WhereaboutsUnknownReported: { reportedBy: 'optional' },
  ChargeBrought: { title: 'text' },
  ChargeRequalified: { title: 'text' },
  ChargeDropped: { reason: 'text' },
  HearingScheduled: { judge: 'text', location: 'text' },
  HearingRescheduled: { reason: 'text' },
  HearingCancelled: { reason: 'text' },
  HearingHeld: { outcome: 'text', notes: 'optional' },
  ReleasedToHouseArrest: { address: 'optional', conditions: 'optional' },
  Released: { note: 'optional' },
  AccessDenied: { by: 'optional', details: 'optional' },
  TortureAllegationRecorded: {
    perpetrators: 'optional',
    injuries: 'optional',
    witnesses: 'optional',
    evidence: 'list',
    account: 'text',
  },
  ComplaintFiled: { reference: 'text' },
  ComplaintAnswered: { note: 'optional', reference: 'text' },
  ComplainantPressured: { by: 'optional', details: 'text' },
  PressureReported: { by: 'text', details: 'text' },
  ComplaintWithdrawn: { reason: 'text' },
  MedicalFactRecorded: { details: 'text' },
  DeathRecorded: { details: 'optional' },
  NoteAdded: { text: 'text' },
  FactRetracted: { reason: 'text' },
  CaseLinked: { note: 'text' },
  CaseClosed: { reason: 'text' },
  CaseReopened: { reason: 'text' },
  MergeRequested: { reason: 'text' },
  DuplicateMerged: { nameVariants: 'list' },
  // Written after the key is destroyed, so it is stored erased: the fact of the erasure stays, its words do not.
  CaseErased: { reason: 'text' },
};

type JsonObject = { [key: string]: unknown };

interface CompiledPath {
  readonly path: string;
  /** The objects to walk through, then the field's key. */
  readonly through: readonly string[];
  readonly key: string;
  readonly kind: SensitiveKind;
}

/** SENSITIVE_FIELDS with each path split once: every event stored and every event read walks them. */
const COMPILED: ReadonlyMap<string, readonly CompiledPath[]> = new Map(
  Object.entries(SENSITIVE_FIELDS).map(([type, paths]) => [
    type,
    Object.entries(paths ?? {}).map(([path, kind]) => {
      const parts = path.split('.');
      return { path, through: parts.slice(0, -1), key: parts[parts.length - 1], kind };
    }),
  ]),
);

/** Calls `visit` with the parent object and key of every sensitive field present in `data`. */
export function forEachSensitiveField(
  type: string,
  data: unknown,
  visit: (parent: JsonObject, key: string, path: string, kind: SensitiveKind) => void,
): void {
  const paths = COMPILED.get(type);
  if (!paths || typeof data !== 'object' || data === null) return;
  for (const { path, through, key, kind } of paths) {
    const parent = objectAt(data as JsonObject, through);
    if (parent !== null && key in parent && parent[key] !== undefined) visit(parent, key, path, kind);
  }
}

/** The object reached through `keys`, or null where one of them holds no object (that path is absent). */
function objectAt(data: JsonObject, keys: readonly string[]): JsonObject | null {
  let current = data;
  for (const key of keys) {
    const next = current[key];
    if (typeof next !== 'object' || next === null) return null;
    current = next as JsonObject;
  }
  return current;
}

/** A deep copy of the event with its sensitive fields erased: what a case reads as after its key is destroyed. */
export function redactEvent<E extends CaseEvent>(event: E): E {
  const data = copyJson(event.data) as unknown as JsonObject;
  forEachSensitiveField(event.type, data, (parent, key, _path, kind) => redactField(parent, key, kind));
  return { ...event, data } as unknown as E;
}

/** Erases one sensitive field in place, as its kind reads once erased. */
export function redactField(parent: JsonObject, key: string, kind: SensitiveKind): void {
  if (kind === 'text') parent[key] = ERASED_TEXT;
  else if (kind === 'list') parent[key] = [];
  else delete parent[key];
}

/**
 * The case whose key seals an event's typed words when it is not the stream's own. The spellings a survivor takes
 * from a merged duplicate stay under the duplicate's key: erasing the duplicate then erases them on the survivor too.
 */
export function sealingCaseOf(type: string, data: unknown): string | null {
  if (type !== 'DuplicateMerged' || typeof data !== 'object' || data === null) return null;
  const duplicateCaseId = (data as { duplicateCaseId?: unknown }).duplicateCaseId;
  return typeof duplicateCaseId === 'string' ? duplicateCaseId : null;
}
