/**
 * Recognising a vocabulary value in what a person wrote ("мужской", "Ер", "адвокат семьи", "ОМОН"): recognition
 * data per value, in Russian, Kazakh and English: the whole text (`exact`), a word anywhere in it (`words`), or the
 * beginnings of consecutive words (`stems`: "национальн гвард" is "Национальная гвардия"). Values are tried in the
 * order given, so the more specific one wins ("продление меры пресечения" is an extension before it is a measure).
 */
export interface Recognition<T extends string> {
  readonly value: T;
  readonly exact?: readonly string[];
  readonly words?: readonly string[];
  readonly stems?: readonly string[];
}

/** Lower case, ё as е, punctuation and dashes as spaces, single spaces. */
export function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function startsWords(words: readonly string[], stem: string): boolean {
  const parts = stem.split(' ');
  return words.some((_, at) => parts.every((part, i) => words[at + i]?.startsWith(part) === true));
}

export function recognise<T extends string>(text: string, table: readonly Recognition<T>[]): T | null {
  const plain = plainWords(text);
  if (plain === '') return null;
  const exact = table.find((entry) => entry.exact?.includes(plain));
  if (exact !== undefined) return exact.value;
  const words = plain.split(' ');
  const found = table.find(
    (entry) =>
      entry.words?.some((word) => words.includes(word)) === true ||
      entry.stems?.some((stem) => startsWords(words, stem)) === true,
  );
  return found?.value ?? null;
}
