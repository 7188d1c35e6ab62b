import { detainedWithin, normaliseFacility } from '../filters';
import { type NameSearch, nameSearch } from '../name-search';
import type { Sql } from '../sql';
import { type Viewer, visibleTo } from '../viewer';
import type { CaseListFilters } from './case-list-filters';

type Condition<K extends keyof CaseListFilters> = (
  sql: Sql,
  alias: string,
  value: NonNullable<CaseListFilters[K]>,
  filters: CaseListFilters,
) => string | null;

/**
 * The condition of each filter of the case list. A mapped type over CaseListFilters: a filter added to the list
 * that has no condition here does not compile, so no reader of the list (the page, the export) ignores one.
 */
const CONDITIONS: { [K in keyof Required<CaseListFilters>]: Condition<K> } = {
  status: (sql, c, status) => `${c}.status = ${sql.param(status)}`,
  city: (sql, c, city) => `lower(${c}.city) = lower(${sql.param(city.trim())})`,
  facility: (sql, c, facility) => `${c}.facility_key = ${sql.param(normaliseFacility(facility))}`,
  article: (sql, c, article) => `${c}.articles @> ARRAY[${sql.param(article.trim())}]::text[]`,
  lawyerId: (sql, c, lawyerId) => `${c}.lawyer_ids @> ARRAY[${sql.param(lawyerId)}]::uuid[]`,
  vulnerability: (sql, c, vulnerability) => `${c}.vulnerabilities @> ARRAY[${sql.param(vulnerability)}]::text[]`,
  publicRole: (sql, c, role) => `${c}.public_roles @> ARRAY[${sql.param(role)}]::text[]`,
  // As termEnded() (the summary's flag) for a WHERE, where NULL is false: so the partial index can answer it.
  termEnded: (_sql, c, ended) => (ended ? `${c}.unreleased_term_end <= now()` : null),
  closed: (sql, c, closed) => `${c}.closed = ${sql.param(closed)}`,
  tortureAlleged: (_sql, c, alleged) => (alleged ? `${c}.torture_allegations > 0` : `${c}.torture_allegations = 0`),
  // Each end alone: a case is either known to a calendar period or to an instant, so the two ANDed are the period.
  detainedFrom: (sql, c, from, f) => detainedWithin(sql, c, { from, timeZone: f.timeZone ?? 'UTC' }),
  detainedTo: (sql, c, to, f) => detainedWithin(sql, c, { to, timeZone: f.timeZone ?? 'UTC' }),
  // Not conditions: the order, and the zone the detention filters read days in.
  sort: () => null,
  timeZone: () => null,
  // The name search is added by caseListConditions itself: its ranking belongs to the caller.
  q: () => null,
};

/**
 * The cases of the list the viewer may see, as conditions added to `sql` on the `cases` alias: visibility, no merged
 * duplicate, every filter. Returns the name search when `q` is given (its condition is added; its order is the
 * caller's to use or not).
 */
export function caseListConditions(
  sql: Sql,
  alias: string,
  viewer: Viewer,
  filters: CaseListFilters,
): NameSearch | null {
  sql.where(visibleTo(sql, alias, viewer));
  // A merged duplicate is read through its survivor; its own GET still answers with mergedInto.
  sql.where(`${alias}.merged_into IS NULL`);
  for (const key of Object.keys(CONDITIONS) as Array<keyof CaseListFilters>) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    const condition = (CONDITIONS[key] as Condition<typeof key>)(sql, alias, value as never, filters);
    if (condition !== null) sql.where(condition);
  }
  const search = filters.q ? nameSearch(sql, alias, filters.q) : null;
  if (search) sql.where(search.condition);
  return search;
}
