/**
 * Month names as written in lists: Russian (nominative, genitive, abbreviated: январь, января, янв), Kazakh (қаңтар,
 * қаңтарда) and English (January, Jan), by their first three letters, which tell the twelve apart in each language.
 * Recognition data, not text shown to anyone.
 */
const STEMS: ReadonlyArray<readonly [string, number]> = [
  ...['янв', 'фев', 'мар', 'апр', 'май|мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'].flatMap((stems, i) =>
    stems.split('|').map((stem) => [stem, i + 1] as const),
  ),
  ...['қаң', 'ақп', 'нау', 'сәу', 'мам', 'мау', 'шіл', 'там', 'қыр', 'қаз', 'қар', 'жел'].map(
    (stem, i) => [stem, i + 1] as const,
  ),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
    (stem, i) => [stem, i + 1] as const,
  ),
];

/** The month (1-12) a word names, or null. The word is lower case, ё written е. */
export function monthOf(word: string): number | null {
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return null;
  return STEMS.find(([stem]) => word.startsWith(stem))?.[1] ?? null;
}
