import type { ImportKind, ImportMapping, RowStep } from './files';

/** A write of a row that was recorded: one the row stands for, or its spellings added to the case it joined. */
export type RecordedStep = RowStep | 'names';

export const IMPORT_STATUSES = ['uploaded', 'checked', 'committing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The dry run's word on a row: it opens a case, it may be a person already recorded, or it cannot be recorded. */
export const CHECKED_OUTCOMES = ['new', 'duplicate', 'invalid'] as const;
export type CheckedOutcome = (typeof CHECKED_OUTCOMES)[number];

export const ROW_OUTCOMES = ['pending', 'recorded', 'skipped', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** The importer's choice for a row: open a case anyway, leave it out, or record its facts on a case already there. */
export type RowDecision = 'new' | 'skip' | { addTo: string };
/** By row number (as text: JSON keys). */
export type ImportDecisions = Readonly<Record<string, RowDecision>>;

/** Why a row was skipped or rejected: a stable code, and the fields (never cell text) it concerns. */
export const ROW_REASONS = [
  'SKIPPED',
  'DUPLICATE_UNDECIDED',
  'VALIDATION_FAILED',
  'CASE_NOT_MATCHED',
  'NOT_FOUND',
  'VERSION_MISMATCH',
  'IDEMPOTENCY_KEY_REUSED',
  'CONCURRENCY_CONFLICT',
  'WRITE_FAILED',
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

export interface ImportRecord {
  id: string;
  userId: string;
  kind: ImportKind;
  timeZone: string;
  status: ImportStatus;
  rowCount: number;
  fileName: string;
  columns: string[];
  /** The mapping the last dry run checked the rows with. */
  checkedMapping: ImportMapping | null;
  /** The mapping the commit records with. */
  mapping: ImportMapping | null;
  decisions: ImportDecisions;
  recorded: number;
  skipped: number;
  rejected: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface StoredRow {
  row: number;
  /** Null once the row is recorded: the case holds its facts. */
  cells: readonly string[] | null;
  /** How many cells the file's row had, when not the header's count (a broken line). */
  cellCount?: number;
  checked: CheckedOutcome | null;
  outcome: RowOutcome;
  caseId: string | null;
  steps: RecordedStep[];
  /** A RowReason, or the code of a domain rule that refused a write. */
  errorCode: string | null;
  errorFields: string[];
}

/** How a row was settled by the commit. */
export interface RowSettlement {
  outcome: Exclude<RowOutcome, 'pending'>;
  caseId: string | null;
  steps: RecordedStep[];
  errorCode: string | null;
  errorFields: string[];
}
