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
 *   -- (under SET LOCAL pg_trgm.word_similarity_threshold = DUPLICATE_CANDIDATE_THRESHOLD, see below)
 *   -- then score = max duplicateScore over (fullName + variants) x (full_name + name_variants); keep
 *   -- score >= DUPLICATE_THRESHOLD, best first: that list is possibleDuplicates. The last step is in
 *   -- TypeScript because the patronymic rule and weakest-word cap have no pg_trgm operator.
 */
export const DUPLICATE_THRESHOLD = 0.8;
/**
 * The `<%` threshold for finding duplicate candidates, below SEARCH_THRESHOLD: one slip of the hand in a short
 * word takes a name's key below 0.6 (Roman Smirnov / Roman Simrnov 0.56), and of the twice-reported people of
 * bench:crisis with a typo that duplicateScore accepts, 96.5% reach 0.6, 98.9% reach 0.55 and 99.9% reach 0.5.
 * Not lower: a key sharing just one of two words scores about 0.5, and at 100,000 cases every such row of the
 * city is read and ranked, which makes the query half as slow again at 0.5 (a quarter at 0.55).
 */
export const DUPLICATE_CANDIDATE_THRESHOLD = 0.55;
export const SEARCH_THRESHOLD = 0.6;
