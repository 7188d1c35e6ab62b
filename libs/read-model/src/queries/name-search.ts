import { nameSearchKey, normaliseName } from '../names/names';
import { escapeLike, type Sql } from './sql';

/**
 * Name search over the stored keys (`name_keys` = `nameKeys(fullName, nameVariants)`: the normalised tokens of
 * every spelling), in one place so that it can be tuned with the names module. A case matches when the query's
 * search key is close to a run of words of its keys by trigrams (`<%`: pg_trgm word_similarity >= its default
 * threshold 0.6, the names module's SEARCH_THRESHOLD) or is a plain substring of them (a name typed halfway);
 * both use the GIN trigram index. Ranked by word similarity, then by similarity to the whole normalised query so
 * that records with the typed patronymic come first.
 */
export function nameSearch(sql: Sql, alias: string, query: string): NameSearch | null {
  const key = nameSearchKey(query);
  if (key.length === 0) return null;
  const q = sql.param(key);
  // A substring of one or two letters matches nearly every name: only trigram closeness counts then.
  const substring =
    key.length >= MIN_SUBSTRING ? ` OR ${alias}.name_keys ILIKE ${sql.param(`%${escapeLike(key)}%`)}` : '';
  return {
    condition: `(${q} <% ${alias}.name_keys${substring})`,
    order: () => {
      const whole = sql.param(normaliseName(query));
      return `word_similarity(${q}, ${alias}.name_keys) DESC, similarity(${alias}.name_keys, ${whole}::text) DESC`;
    },
  };
}

const MIN_SUBSTRING = 3;

export interface NameSearch {
  condition: string;
  /** The ORDER BY terms, best match first; adds its own parameter, so call it after any query without the order. */
  order(): string;
}
