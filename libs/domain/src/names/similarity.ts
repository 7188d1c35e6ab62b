import { nameSearchKey, nameTokens, normaliseName, type NameTokens } from './normalise';
import { oneWordSlipped } from './slip';
import { DUPLICATE_THRESHOLD } from './thresholds';
import { typedWords } from './transliterate';
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
 * the weakest word; at least DUPLICATE_THRESHOLD when the names differ by one slip of the hand in one word
 * (slip.ts), which trigrams punish most in short words. Whole-name similarity alone rates two brothers (same long surname, first names one
 * letter apart) above a genuine report that merely lacks a patronymic; the cap and the patronymic rule
 * fix both, and a false merge is the worse error for a coordinator.
 */
export function duplicateScore(a: string, b: string): number {
  const [na, nb] = [nameTokens(a), nameTokens(b)];
  const [ta, tb] = comparable(na, nb);
  if (ta.length === 0 || tb.length === 0) return 0;
  const score = Math.min(trigramSimilarity(ta.join(' '), tb.join(' ')), weakestWord(ta, tb));
  if (score >= DUPLICATE_THRESHOLD) return score;
  // A slip in one word, all others equal: in the folded words (a slip and a spelling variant together), in the
  // words as typed (a slip that folding turns into two: Artyom / Artoym fold to artem / artoim), and in the whole
  // folded lists (a slip at a patronymic's end, Viktorovcih, stops it being read as one).
  const whole = (t: NameTokens): string[] => [...t.core, ...t.patronymic];
  const slipped =
    oneWordSlipped(ta, tb) || oneWordSlipped(typedWords(a), typedWords(b)) || oneWordSlipped(whole(na), whole(nb));
  return slipped ? DUPLICATE_THRESHOLD : score;
}
