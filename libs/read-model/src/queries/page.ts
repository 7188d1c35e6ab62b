import type { DataSource } from 'typeorm';
import type { Sql } from './sql';
import type { PageRequest } from './viewer';

export interface PageQuery {
  columns: string;
  /** The FROM clause with its joins and `sql.whereClause`. */
  from: string;
  /**
   * Must end in a unique key, so that pages never overlap or skip a row. A function when the ordering adds
   * parameters of its own (name search ranks by similarity): it runs after the count has taken its parameters.
   */
  orderBy: string | (() => string);
  /**
   * The FROM's table with its alias (`read_model.cases c`) and unique key (`c.case_id`): with few matches, the page
   * reads their keys by the filters' indexes, then those rows by key (see selectBoundedPage).
   */
  keyed?: { table: string; key: string };
}

/** One page of rows and the total it was cut from, the two read side by side. */
export async function selectPage<R>(
  dataSource: DataSource,
  sql: Sql,
  query: PageQuery,
  page: PageRequest,
): Promise<{ rows: R[]; total: number }> {
  const countParams = [...sql.params];
  const orderBy = typeof query.orderBy === 'string' ? query.orderBy : query.orderBy();
  const limit = sql.param(page.pageSize);
  const offset = sql.param((page.page - 1) * page.pageSize);
  const [counted, rows] = await Promise.all([
    dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total ${query.from}`, countParams),
    dataSource.query<R[]>(
      `SELECT ${query.columns} ${query.from} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
      sql.params,
    ),
  ]);
  return { rows, total: counted[0].total };
}

/**
 * Up to this many matching rows the total is counted exactly; beyond, counting every row would cost more than the
 * page itself (a count reads all of them, a first page twenty), so the total is the planner's estimate instead.
 */
export const EXACT_TOTAL_UP_TO = 1_000;

export interface BoundedPage<R> {
  rows: R[];
  total: number;
  /** True when more than EXACT_TOTAL_UP_TO rows match: `total` is then the planner's estimate (never below that). */
  totalIsEstimate: boolean;
}

/**
 * A bounded count, then one page: the count stops at EXACT_TOTAL_UP_TO + 1 rows, so its cost is bounded whatever the
 * filters match, and it tells how to read the page (few matches: all of them, then ordered; many: along the order).
 * Past the bound the total is the planner's row estimate for the same statement (EXPLAIN, no rows read), raised to
 * the bound when it guesses lower, and flagged as an estimate.
 *
 * `countWithRows`: for an order that must rank every match before the first row (a name search by similarity), the
 * page's own statement counts them too (a window count), exact and without reading the matches a second time.
 */
export async function selectBoundedPage<R>(
  dataSource: DataSource,
  sql: Sql,
  query: PageQuery,
  page: PageRequest,
  options: { countWithRows?: boolean } = {},
): Promise<BoundedPage<R>> {
  const countParams = [...sql.params];
  const orderBy = typeof query.orderBy === 'string' ? query.orderBy : query.orderBy();
  const limit = sql.param(page.pageSize);
  const offset = sql.param((page.page - 1) * page.pageSize);
  if (options.countWithRows) {
    const counted = await dataSource.query<Array<R & { total_matching: number }>>(
      `SELECT ${query.columns}, count(*) OVER ()::int AS total_matching ${query.from}
        ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
      sql.params,
    );
    // Past the last page no row carries the count: counted apart then, as any page is.
    if (counted.length > 0) {
      const rows = counted.map(({ total_matching: _total, ...row }) => row as unknown as R);
      return { rows, total: counted[0].total_matching, totalIsEstimate: false };
    }
  }
  const counted = await dataSource.query<Array<{ total: number }>>(
    `SELECT count(*)::int AS total FROM (SELECT 1 ${query.from} LIMIT ${EXACT_TOTAL_UP_TO + 1}) bounded`,
    countParams,
  );
  const total = counted[0].total;
  // Few matches: their keys read by the filters' own indexes, then those rows ordered. Left to the planner, a rare
  // value it cannot see (a role nobody has yet) sends it down the order's index through every row, for a page it
  // never fills.
  const few = total <= EXACT_TOTAL_UP_TO;
  const keyed = query.keyed;
  const rows = await dataSource.query<R[]>(
    few && keyed
      ? `SELECT ${query.columns} FROM ${keyed.table} WHERE ${keyed.key} = ANY(ARRAY(SELECT ${keyed.key} ${query.from}))
          ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`
      : `SELECT ${query.columns} ${query.from} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    sql.params,
  );
  if (few) return { rows, total, totalIsEstimate: false };
  const plan = await dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>>(
    `EXPLAIN (FORMAT JSON) SELECT 1 ${query.from}`,
    countParams,
  );
  const estimate = Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']);
  return { rows, total: Math.max(estimate, EXACT_TOTAL_UP_TO + 1), totalIsEstimate: true };
}
