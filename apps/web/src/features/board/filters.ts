import type { CaseListQuery } from '../../api/types';

/** The URL parameters of the board: exactly the contract's filters and sort of GET /v1/cases, so a link shares a view. */
export const TEXT_FILTERS = ['q', 'city', 'facility', 'article'] as const;
export const CHOICE_FILTERS = ['status', 'vulnerability', 'publicRole', 'lawyerId', 'sort'] as const;
export const BOOLEAN_FILTERS = ['closed', 'tortureAlleged', 'termEnded'] as const;
export const DAY_FILTERS = ['detainedFrom', 'detainedTo'] as const;

export const PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The list query from the URL. What is not a valid value (a hand-edited link) is left out rather than sent to be
 * refused; the API still checks everything.
 */
export function queryFromUrl(params: URLSearchParams): CaseListQuery {
  const query: Record<string, string | number | boolean> = {};
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value.slice(0, 200);
  }
  for (const name of CHOICE_FILTERS) {
    const value = params.get(name);
    if (value && (name !== 'lawyerId' || UUID.test(value))) query[name] = value;
  }
  for (const name of BOOLEAN_FILTERS) {
    const value = params.get(name);
    if (value === 'true' || value === 'false') query[name] = value === 'true';
  }
  for (const name of DAY_FILTERS) {
    const value = params.get(name);
    if (value && DAY.test(value)) query[name] = value;
  }
  const page = Number(params.get('page') ?? '1');
  query.page = Number.isSafeInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
  query.pageSize = PAGE_SIZE;
  return query as CaseListQuery;
}

/** The URL with one filter changed; any change of filter goes back to the first page. */
export function withFilter(params: URLSearchParams, name: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(name);
  else next.set(name, value);
  if (name !== 'page') next.delete('page');
  return next;
}

/**
 * How many pages to offer. An estimated total (above 1,000 matches the API answers the planner's estimate) may be
 * short of the truth: while the current page is full, one more page is offered, so every case stays reachable.
 */
export function pageCount(total: number, estimate: boolean, current: number, itemsOnPage: number): number {
  const counted = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return estimate && itemsOnPage === PAGE_SIZE ? Math.max(counted, current + 1) : Math.max(counted, current);
}
