import type { CaseStatus, PublicRole, Vulnerability } from '@casetrack/domain';

/*
 * The filters and orders of the case list, apart from the query that reads it: the list and its export both take
 * them (case-list-conditions.ts), and neither may import the other.
 */

export interface CaseListFilters {
  status?: CaseStatus;
  city?: string;
  /** A facility's code, or its name when it has none (case-insensitive). */
  facility?: string;
  /** An article of an active charge. */
  article?: string;
  lawyerId?: string;
  vulnerability?: Vulnerability;
  publicRole?: PublicRole;
  /** A name in any spelling. */
  q?: string;
  /** Only cases whose administrative arrest's term is past without a recorded release (`false`: no filter). */
  termEnded?: boolean;
  closed?: boolean;
  /** Days of the first detention, both ends included (see `detainedWithin`). */
  detainedFrom?: string;
  detainedTo?: string;
  /** `true`: cases with a torture allegation (not retracted); `false`: cases without one. */
  tortureAlleged?: boolean;
  /** Without it: best name matches first with `q`, else most recently updated first. */
  sort?: CaseListSort;
  /** The reader's zone: the day of a detention known to the minute is its day there (default UTC). */
  timeZone?: string;
}

export const CASE_LIST_SORTS = [
  'lastRecordedAt',
  '-lastRecordedAt',
  'fullName',
  '-fullName',
  'detainedAt',
  '-detainedAt',
] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];
