import { escapeLike, type Sql } from './sql';

/**
 * A court's name as people type it: case, `ё`, punctuation and spacing never matter ("Специализированный
 * межрайонный суд г. Алматы" is found by "межрайонный суд  алматы"). The SQL and the JS folds must agree, and the
 * SQL must stay exactly the expression of the index `hearings_court_key_idx` (migration 1764000001810) to use it.
 */
export function courtKeySql(column: string): string {
  return `regexp_replace(translate(lower(${column}), 'ё', 'е'), '[^[:alnum:]]+', ' ', 'g')`;
}

/** The words of a typed court name, folded as courtKeySql folds the stored one. */
export function courtWords(typed: string): string[] {
  return typed
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Every typed word is somewhere in the court's name, in any order. */
export function courtMatches(sql: Sql, column: string, typed: string): string {
  const words = courtWords(typed);
  if (words.length === 0) return 'true';
  const key = courtKeySql(column);
  return words.map((word) => `${key} LIKE ${sql.param(`%${escapeLike(word)}%`)}`).join(' AND ');
}
