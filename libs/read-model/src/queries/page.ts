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
