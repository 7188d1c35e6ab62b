/**
 * A TypeScript model of PostgreSQL pg_trgm, so thresholds can be chosen and tested in unit tests
 * and mean the same thing in SQL. Input is already normalised (a-z words separated by spaces).
 */

/** pg_trgm pads each word with two spaces in front and one behind: "  z", " zh", ..., "ov ". */
function wordTrigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    out.push(padded.slice(i, i + 3));
  }
  return out;
}

function words(text: string): string[] {
  return text.split(' ').filter((w: string) => w.length > 0);
}

/** Trigrams of all words, in text order (duplicates kept; word_similarity needs the order). */
export function orderedTrigrams(text: string): string[] {
  return words(text).flatMap(wordTrigrams);
}

/** pg_trgm `similarity(a, b)`: |A∩B| / |A∪B| over the trigram sets; 0 when either side is empty. */
export function trigramSimilarity(a: string, b: string): number {
  const setA = new Set(orderedTrigrams(a));
  const setB = new Set(orderedTrigrams(b));
  if (setA.size === 0 || setB.size === 0) return 0;
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared += 1;
  return shared / (setA.size + setB.size - shared);
}

/**
 * pg_trgm `word_similarity(query, text)`: the best similarity between the query's trigram set and
 * any contiguous run of the text's trigrams. A query that is a subset of the text's words scores 1
 * when those words are adjacent in the text, which is why keys put patronymics last.
 * Brute force is fine: names are a few words long.
 */
export function trigramWordSimilarity(query: string, text: string): number {
  const q = new Set(orderedTrigrams(query));
  const t = orderedTrigrams(text);
  if (q.size === 0 || t.length === 0) return 0;
  let best = 0;
  for (let start = 0; start < t.length; start += 1) {
    const extent = new Set<string>();
    let shared = 0;
    for (let end = start; end < t.length; end += 1) {
      const trigram = t[end];
      if (!extent.has(trigram)) {
        extent.add(trigram);
        if (q.has(trigram)) shared += 1;
      }
      best = Math.max(best, shared / (q.size + extent.size - shared));
    }
  }
  return best;
}
