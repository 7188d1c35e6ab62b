import { nameSearchKey, nameTokens, normaliseName, type NameTokens } from './normalise';
import { trigramSimilarity, trigramWordSimilarity } from './trigram';

/** pg_trgm `similarity()` of the two normalised names; symmetric, word order irrelevant. */
export function nameSimilarity(a: string, b: string): number {
  return trigramSimilarity(normaliseName(a), normaliseName(b));
}

/**
 * pg_trgm `word_similarity(nameSearchKey(query), keys)` where `keys` is a stored `nameKeys(...)` text,
 * taken as is (its word order matters to word_similarity). Forgiving on purpose: a query with fewer
 * words than the record (surname only, no patronymic) scores 1.
 */
export function nameWordSimilarity(query: string, keys: string): number {
  return trigramWordSimilarity(nameSearchKey(query), keys);
}

/**
 * Tokens to compare for duplicates. A patronymic known on one side only is ignored: it is the most
 * common difference between two reports of one person. It is kept when both sides have one (different
 * fathers = different people) and when dropping it would leave a single word on either side.
 */
function comparable(a: NameTokens, b: NameTokens): readonly [string[], string[]] {
  const oneSided = (a.patronymic.length === 0) !== (b.patronymic.length === 0);
  if (oneSided && a.core.length >= 2 && b.core.length >= 2) return [[...a.core], [...b.core]];
  return [
    [...a.core, ...a.patronymic],
    [...b.core, ...b.patronymic],
  ];
}

/** The worst-matched word of the shorter name: "Marat Serikov"/"Murat Serikov" fails on Marat/Murat. */
function weakestWord(a: readonly string[], b: readonly string[]): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const best = (w: string): number => Math.max(0, ...longer.map((o: string) => trigramSimilarity(w, o)));
  return Math.min(1, ...shorter.map(best));
}

/**
 * Score for "possible duplicate" in [0, 1]: the trigram similarity of the comparable tokens, capped by
 * the weakest word. Whole-name similarity alone rates two brothers (same long surname, first names one
 * letter apart) above a genuine report that merely lacks a patronymic; the cap and the patronymic rule
 * fix both, and a false merge is the worse error for a coordinator.
 */
export function duplicateScore(a: string, b: string): number {
  const [ta, tb] = comparable(nameTokens(a), nameTokens(b));
  if (ta.length === 0 || tb.length === 0) return 0;
  return Math.min(trigramSimilarity(ta.join(' '), tb.join(' ')), weakestWord(ta, tb));
}
