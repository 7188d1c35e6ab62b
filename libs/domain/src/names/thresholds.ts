/**
 * Thresholds chosen from the tables in `name-pairs.fixture.ts` (see names.spec.ts).
 *
 * DUPLICATE_THRESHOLD applies to `duplicateScore`. Spelling variants fold to the same key (score 1);
 * the highest score among different people is 0.75 (Bekzhanov / Bekzhanova, a sex form of one long
 * surname), so 0.8 flags no pair of different people from the table. A false merge is worse than a
 * missed one, and search still finds what this misses. Names one slip of the hand apart in one word, the
 * others equal (slip.ts), score exactly DUPLICATE_THRESHOLD: trigrams rate them far lower (Borisov / Broisov 0.33).
 *
 * SEARCH_THRESHOLD applies to `word_similarity(nameSearchKey(q), name_keys)` and equals pg_trgm's own
 * default `pg_trgm.word_similarity_threshold`, so the `<%` operator needs no SET. Every search pair of
 * the table scores >= 0.73; names one letter apart (Marat / Murat 0.33) stay out.
 *
 * How the read model uses them (read_model.cases; name_keys = nameKeys(full_name, name_variants)):
 *   CREATE EXTENSION IF NOT EXISTS pg_trgm;
 *   CREATE INDEX cases_name_keys_trgm ON read_model.cases USING gin (name_keys gin_trgm_ops);
 *
 *   -- search: $1 = nameSearchKey(q), $2 = normaliseName(q)
 *   SELECT case_id, word_similarity($1, name_keys) AS score FROM read_model.cases
 *   WHERE $1 <% name_keys   -- word_similarity($1, name_keys) >= SEARCH_THRESHOLD; uses the GIN index
 *   ORDER BY score DESC, similarity(name_keys, $2) DESC, case_id LIMIT 50;
 *
 *   -- duplicate candidates of a case: $1 = city, $2 = nameSearchKey(fullName), $3 = the case's own id
 *   SELECT case_id, full_name, name_variants FROM read_model.cases
 *   WHERE city = $1 AND case_id <> $3 AND $2 <% name_keys;
 *   -- ($2 also stands for each word of a key of two or more words: a typo can take a short name's whole key
 *   -- below <%, and the slip rule needs the other words equal, so the row shares one of them.)
 *   -- then score = max duplicateScore over (fullName + variants) x (full_name + name_variants); keep
 *   -- score >= DUPLICATE_THRESHOLD, best first: that list is possibleDuplicates. The last step is in
 *   -- TypeScript because the patronymic rule and weakest-word cap have no pg_trgm operator.
 */
export const DUPLICATE_THRESHOLD = 0.8;
export const SEARCH_THRESHOLD = 0.6;
