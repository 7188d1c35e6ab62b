import {
  CASE_STATUSES,
  type CaseStatus,
  type DeathCause,
  type DeathCircumstances,
  type PublicRole,
  type TortureMethod,
} from '@casetrack/domain';
import { ARTICLE_TITLE_SEPARATOR } from '../projection/case-figures';
import type { CountedRow } from './stats-counted';

export interface Stats {
  /** Every status, zero included. */
  byStatus: Record<CaseStatus, number>;
  /** Cases whose city is unknown count under no city. */
  byCity: Array<{ city: string; count: number }>;
  /**
   * Cases with an active charge under the article (a charge whose article is unknown counts under none); `title` is
   * the title most often recorded with it, null when none was.
   */
  byArticle: Array<{ article: string; title: string | null; count: number }>;
  /**
   * Cases whose current facility it is, one entry per (city, code, name): two cities' facilities of the same name
   * stay two. `facility` is its code, or its name when it has none; `name` is null when only the code is known.
   */
  byFacility: Array<{ facility: string; code: string | null; name: string | null; city: string; count: number }>;
  /** Cases of people publicly known in the role (one case may count under several roles); none known: no role. */
  byPublicRole: Array<{ publicRole: PublicRole; count: number }>;
  /** Cases in which the method is alleged (once per case, whatever the number of allegations naming it). */
  byTortureMethod: Array<{ method: TortureMethod; count: number }>;
  /** Deaths by their circumstances; `unknown` circumstances are not a value and count only in `deaths`. */
  deathsByCircumstance: Array<{ circumstances: DeathCircumstances; count: number }>;
  /** Deaths by each cause recorded (a death may have several); none recorded, or `unknown`: under no cause. */
  deathsByCause: Array<{ cause: DeathCause; count: number }>;
  /** Torture allegations recorded (not retracted), across the cases. */
  tortureAllegations: number;
  /** Complaints of the cases counted. */
  complaints: { filed: number; investigationOpened: number; refused: number; awaiting: number; overdue: number };
  /** Cases in which a death is recorded. */
  deaths: number;
  /**
   * Hearings held in the cases counted. The median is over the held hearings whose duration was recorded; each share
   * is over those where it was recorded whether the defendant was heard (the lawyer present). Null with none known.
   */
  hearings: {
    held: number;
    medianDurationMinutes: number | null;
    defendantHeardShare: number | null;
    lawyerPresentShare: number | null;
  };
}

/**
 * The statistics from counted values, whichever way they were counted (read from the cases, or added up from
 * `case_counts`): `status`, `city`, `facility` (k1 its city, k2 its code, k3 its name), `death` (circumstances),
 * `sum` (k1 the figure), and the lists `role`, `method`, `cause`, `article`, `title`, `minutes` and `overdue`. A value
 * that is not known is no value. Breakdowns are ordered most first, ties by their value.
 */
export function statsOf(rows: readonly CountedRow[]): Stats {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0])) as Record<CaseStatus, number>;
  const byCity: Stats['byCity'] = [];
  const byFacility: Stats['byFacility'] = [];
  const deathsByCircumstance: Stats['deathsByCircumstance'] = [];
  const sums = new Map<string, number>();
  for (const { kind, k1, k2, k3, n } of rows) {
    if (kind === 'status') {
      if (k1 !== null) byStatus[k1 as CaseStatus] = n;
    } else if (kind === 'city') {
      if (k1 !== null) byCity.push({ city: k1, count: n });
    } else if (kind === 'facility') {
      const facility = k2 ?? k3;
      if (facility !== null && k1 !== null) byFacility.push({ facility, code: k2, name: k3, city: k1, count: n });
    } else if (kind === 'death') {
      if (k1 !== null && k1 !== 'unknown') {
        deathsByCircumstance.push({ circumstances: k1 as DeathCircumstances, count: n });
      }
    } else if (kind === 'sum' && k1 !== null) {
      sums.set(k1, (sums.get(k1) ?? 0) + n);
    }
  }
  const listed = <T>(kind: string, entry: (value: string, count: number) => T): T[] =>
    rows
      .flatMap((row) => (row.kind === kind && row.k1 !== null ? [{ value: row.k1, count: row.n }] : []))
      .sort(byCountThen((row) => row.value))
      .map((row) => entry(row.value, row.count));
  const titles = mostGivenTitles(listed('title', (value, count) => ({ value, count })));
  const sum = (figure: string): number => sums.get(figure) ?? 0;
  const share = (part: number, known: number): number | null => (known === 0 ? null : part / known);
  return {
    byStatus,
    byCity: byCity.sort(byCountThen((c) => c.city)),
    byArticle: listed('article', (article, count) => ({ article, title: titles.get(article) ?? null, count })),
    byFacility: byFacility.sort(byCountThen((f) => `${f.facility}\u0000${f.city}`)),
    byPublicRole: listed('role', (value, count) => ({ publicRole: value as PublicRole, count })),
    byTortureMethod: listed('method', (value, count) => ({ method: value as TortureMethod, count })),
    deathsByCircumstance: deathsByCircumstance.sort(byCountThen((d) => d.circumstances)),
    deathsByCause: listed('cause', (value, count) => ({ cause: value as DeathCause, count })),
    tortureAllegations: sum('allegations'),
    complaints: {
      filed: sum('complaints_filed'),
      investigationOpened: sum('complaints_investigation_opened'),
      refused: sum('complaints_refused'),
      awaiting: sum('complaints_awaiting'),
      overdue: rows.reduce((total, row) => (row.kind === 'overdue' ? total + row.n : total), 0),
    },
    deaths: sum('deaths'),
    hearings: {
      held: sum('held'),
      medianDurationMinutes: median(listed('minutes', (value, count) => ({ value: Number(value), count }))),
      defendantHeardShare: share(sum('defendant_heard'), sum('defendant_heard_known')),
      lawyerPresentShare: share(sum('lawyer_present'), sum('lawyer_present_known')),
    },
  };
}

/** Each article's title given in the most cases (ties: the first in code-point order); `titles` most first. */
function mostGivenTitles(titles: ReadonlyArray<{ value: string; count: number }>): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const { value } of titles) {
    const at = value.indexOf(ARTICLE_TITLE_SEPARATOR);
    const article = value.slice(0, at);
    if (!chosen.has(article)) chosen.set(article, value.slice(at + 1));
  }
  return chosen;
}

/** The median of a histogram of values (the mean of the two middle ones for an even count), as percentile_cont. */
function median(histogram: ReadonlyArray<{ value: number; count: number }>): number | null {
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const n = sorted.reduce((total, h) => total + h.count, 0);
  if (n === 0) return null;
  const at = (index: number): number => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (index < seen) return h.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** Most first, then by the key in code-point order (as the database's C collation orders them). */
function byCountThen<T extends { count: number }>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}
