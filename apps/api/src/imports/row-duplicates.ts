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

/** A folded word's first letters: spellings of one name that score above the threshold share them. */
const PREFIX = 3;

/**
 * Rows of one file that may be about the same person, by the rule `possibleDuplicates` applies to cases: the same
 * city (an unknown city matches nothing), names whose `duplicateScore` reaches DUPLICATE_THRESHOLD across every
 * spelling. Each row is compared only with earlier rows that share a city and the first letters of a folded word, so
 * a list of 10,000 rows is not 50 million comparisons. The first of two rows is the one that opens the case; the later
 * one names it.
 */
export class FileDuplicates {
  private readonly buckets = new Map<string, RowPerson[]>();

  constructor(private readonly caseIdOf: (row: number) => string) {}

  /** Earlier rows that may be `person`, best first; then `person` joins the rows later ones are compared with. */
  add(person: RowPerson): RowDuplicate[] {
    const keys = bucketKeys(person);
    const seen = new Set<number>();
    const found: RowDuplicate[] = [];
    for (const key of keys) {
      for (const earlier of this.buckets.get(key) ?? []) {
        if (seen.has(earlier.row)) continue;
        seen.add(earlier.row);
        const score = bestScore(person, earlier);
        if (score >= DUPLICATE_THRESHOLD) {
          found.push({ row: earlier.row, caseId: this.caseIdOf(earlier.row), score: Math.round(score * 1000) / 1000 });
        }
      }
    }
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(person);
      else this.buckets.set(key, [person]);
    }
    return found.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}

function bucketKeys(person: RowPerson): string[] {
  const city = person.city?.trim().toLowerCase() ?? '';
  if (city === '' || person.fullName.trim() === '') return [];
  const words = [person.fullName, ...person.nameVariants].flatMap((name) => nameTokens(name).core);
  return [...new Set(words.map((word) => `${city}\u0000${word.slice(0, PREFIX)}`))];
}

function bestScore(a: RowPerson, b: RowPerson): number {
  let best = 0;
  for (const x of [a.fullName, ...a.nameVariants]) {
    for (const y of [b.fullName, ...b.nameVariants]) best = Math.max(best, duplicateScore(x, y));
  }
  return best;
}
