import { foldToken } from './fold';
import { toPlainLatin } from './transliterate';

/**
 * One slip of the hand between two folded tokens: the typo a volunteer makes entering a name in a hurry. Trigram
 * similarity punishes it hardest exactly where it matters (Borisov / Broisov 0.33, Ivanov / Ivanvo 0.40), so the
 * duplicate score recognises it by edit distance instead (Damerau: a transposition counts as one edit).
 */

/** How two tokens one edit apart differ. A doubled letter is no slip at all: fold.ts collapses doubled letters. */
export type Slip = 'transposition' | 'deletion' | 'substitution';

/**
 * Russian and Kazakh surname endings, folded (-ov/-ova, -ev/-eva, -enko, -skii/-skaia). A letter replaced by another
 * is how two different given names differ (Marat / Murat, Asel / Aset), so a substitution is a slip only in a word
 * shaped like a surname. Not -in/-ina: women's given names end so (Marina / Maria, Alina / Aliya).
 */
const SURNAME_SHAPE = /(ov|ova|ev|eva|enko|ski|skaia)$/;

/** The edit that turns `a` into `b` when they are exactly one edit apart, else null. */
export function slipBetween(a: string, b: string): Slip | null {
  if (a === b) return null;
  if (a.length === b.length) return sameLength(a, b);
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  if (longer.length - shorter.length !== 1) return null;
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i += 1;
  return shorter.slice(i) === longer.slice(i + 1) ? 'deletion' : null;
}

function sameLength(a: string, b: string): Slip | null {
  let i = 0;
  while (a[i] === b[i]) i += 1;
  if (a.slice(i + 1) === b.slice(i + 1)) return 'substitution';
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swapped ? 'transposition' : null;
}

/**
 * Whether `a` and `b` are one word spelled with one slip rather than two names. Kept narrow, because a false
 * duplicate costs a coordinator's check: the first letter agrees (Serikov / Berikov are two families); a
 * dropped final a is the other sex's form (Ivanov / Ivanova, Ruslan / Ruslana); a letter dropped from a word of
 * fewer than seven letters that is not a surname is another name (Marina / Maria, Alina / Aliya); short words
 * (Asel / Aesl) are left to the spelling rules.
 */
export function isSlip(a: string, b: string): boolean {
  const slip = slipBetween(a, b);
  if (slip === null || a[0] !== b[0] || Math.min(a.length, b.length) < 5) return false;
  // Either script: the sex form and the surname shape are read from the folded Latin spelling.
  const [fa, fb] = [a, b].map((word: string) => foldToken(toPlainLatin(word)));
  const [surnameA, surnameB] = [SURNAME_SHAPE.test(fa), SURNAME_SHAPE.test(fb)];
  switch (slip) {
    case 'transposition':
      return true;
    case 'deletion':
      if (`${fa}a` === fb || `${fb}a` === fa) return false;
      return surnameA || surnameB || Math.max(a.length, b.length) >= 7;
    case 'substitution':
      return surnameA && surnameB && a.length >= 6;
  }
}

/**
 * Whether two names' word lists are the same but for one word with a slip: every other word equal, so the given
 * name is the same person's. The lists are multisets of words in any order, folded or as typed.
 */
export function oneWordSlipped(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const rest = [...b];
  const unmatched: string[] = [];
  for (const word of a) {
    const at = rest.indexOf(word);
    if (at >= 0) rest.splice(at, 1);
    else unmatched.push(word);
  }
  return unmatched.length === 1 && rest.length === 1 && isSlip(unmatched[0], rest[0]);
}
