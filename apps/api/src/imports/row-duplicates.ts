import { DUPLICATE_THRESHOLD, duplicateScore, nameTokens } from '@casetrack/domain';

/** Who a row is about, as far as duplicates go. */
export interface RowPerson {
  row: number;
  fullName: string;
  nameVariants: readonly string[];
  city: string | null;
}

/** Another row of the same file that may be the same person, and the case that row opens. */
export interface RowDuplicate {
  row: number;
  caseId: string;
  score: number;
}

/** A folded word's first letters: spellings of one name that score above the threshold mostly share them. */
const PREFIX = 3;
/**
 * Earlier rows compared through one shared prefix, the latest first: the analogue of the candidates the case query's
 * trigram index returns, so that a city full of one common surname costs a bounded number of comparisons. Rows that
 * share a whole folded word are always compared.
 */
const PREFIX_CANDIDATES = 200;
/** As many as `possibleDuplicates` of a case lists. */
const MAX_DUPLICATES = 10;

/**
 * Rows of one file that may be about the same person, by the rule `possibleDuplicates` applies to cases: the same
 * city (an unknown city matches nothing), names whose `duplicateScore` reaches DUPLICATE_THRESHOLD across every
 * spelling. Each row is compared only with earlier rows of its city that share a folded word, or the first letters of
 * one, so a list of 10,000 rows is not 50 million comparisons. The first of two rows is the one that opens the case;
 * the later one names it.
 */
export class FileDuplicates {
  private readonly buckets = new Map<string, RowPerson[]>();

  constructor(private readonly caseIdOf: (row: number) => string) {}

  /** Earlier rows that may be `person`, best first; then `person` joins the rows later ones are compared with. */
  add(person: RowPerson): RowDuplicate[] {
    const keys = bucketKeys(person);
    const seen = new Set<number>();
    const found: RowDuplicate[] = [];
    const compare = (earlier: RowPerson): void => {
      if (seen.has(earlier.row)) return;
      seen.add(earlier.row);
      const score = bestScore(person, earlier);
      if (score >= DUPLICATE_THRESHOLD) {
        found.push({ row: earlier.row, caseId: this.caseIdOf(earlier.row), score: Math.round(score * 1000) / 1000 });
      }
    };
    for (const key of keys.words) for (const earlier of this.buckets.get(key) ?? []) compare(earlier);
    for (const key of keys.prefixes)
      for (const earlier of (this.buckets.get(key) ?? []).slice(-PREFIX_CANDIDATES)) compare(earlier);
    for (const key of [...keys.words, ...keys.prefixes]) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(person);
      else this.buckets.set(key, [person]);
    }
    return found.sort((a, b) => b.score - a.score || a.row - b.row).slice(0, MAX_DUPLICATES);
  }
}

function bucketKeys(person: RowPerson): { words: string[]; prefixes: string[] } {
  const city = person.city?.trim().toLowerCase() ?? '';
  if (city === '' || person.fullName.trim() === '') return { words: [], prefixes: [] };
  const words = [...new Set([person.fullName, ...person.nameVariants].flatMap((name) => nameTokens(name).core))];
  return {
    words: words.map((word) => `w\u0000${city}\u0000${word}`),
    prefixes: [...new Set(words.map((word) => `p\u0000${city}\u0000${word.slice(0, PREFIX)}`))],
  };
}

function bestScore(a: RowPerson, b: RowPerson): number {
  let best = 0;
  for (const x of [a.fullName, ...a.nameVariants]) {
    for (const y of [b.fullName, ...b.nameVariants]) best = Math.max(best, duplicateScore(x, y));
  }
  return best;
}
