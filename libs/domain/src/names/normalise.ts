import { foldToken } from './fold';
import { toPlainLatin } from './transliterate';

/** The tokens of one name, split by role. Order of words in the source never matters. */
export interface NameTokens {
  /** Given names and surnames, sorted: "Surname Name" and "Name Surname" give the same list. */
  readonly core: readonly string[];
  /** Patronymics (-ovich, -evna, -uly, -kyzy...), sorted; often present in one report and absent in another. */
  readonly patronymic: readonly string[];
}

/** Kazakh/Turkic patronymic words written apart ("Serik uly", "Серік қызы") are joined to the father's name. */
const DETACHED_PATRONYMIC: ReadonlySet<string> = new Set(['uli', 'kizi', 'ulu', 'ogli', 'oglu']);
/**
 * Folded spellings of patronymic endings: -ovich/-evich/-ich, -ovna/-evna/-ichna, -uly/-ulı/-ұлы/-улы,
 * -kyzy/-qyzy/-қызы/-кызы, -oglu, -uulu. Not -sulu: that ends Kazakh women's given names (Жансұлу, Гүлсұлу, Арсұлу),
 * and reading one as a patronymic made a report without the real patronymic look like another person.
 */
const PATRONYMIC_ENDING = /(ich|ovna|evna|ichna|uli|kizi|(?<!s)ulu|ogli|oglu)$/;

function foldedWords(name: string): string[] {
  const folded = toPlainLatin(name)
    .split(' ')
    .filter((w: string) => w.length > 0)
    .map(foldToken);
  const joined: string[] = [];
  for (const word of folded) {
    if (DETACHED_PATRONYMIC.has(word) && joined.length > 0) {
      // Re-fold: "serik" + "kizi" collapses its doubled k exactly like "Serikkyzy" does.
      joined.push(foldToken(`${joined.pop() ?? ''}${word}`));
    } else {
      joined.push(word);
    }
  }
  return joined;
}

function isPatronymic(token: string): boolean {
  // The ending alone is not enough: "Ich" or "Uli" on their own are names, not patronymics.
  return token.length >= 6 && PATRONYMIC_ENDING.test(token);
}

function uniqueSorted(tokens: readonly string[]): string[] {
  return [...new Set(tokens)].sort();
}

/** Normalised tokens of one name, split into core names and patronymics. */
export function nameTokens(name: string): NameTokens {
  const words = foldedWords(name);
  return {
    core: uniqueSorted(words.filter((w: string) => !isPatronymic(w))),
    patronymic: uniqueSorted(words.filter(isPatronymic)),
  };
}

/**
 * Canonical key of a name: Cyrillic (Russian and Kazakh) transliterated, diacritics removed,
 * transliteration variants folded, core tokens sorted, patronymics last.
 * `normaliseName('Жолатов Нурлан') === normaliseName('Nurlan Jolatov') === 'nurlan zholatov'`.
 * Idempotent, so it can be applied to a stored key again.
 */
export function normaliseName(name: string): string {
  const tokens = nameTokens(name);
  return [...tokens.core, ...tokens.patronymic].join(' ');
}

/**
 * Searchable text for the read model: the tokens of the full name and of every known variant,
 * de-duplicated. Order: the full name's core tokens (adjacent, so a "Name Surname" query scores 1
 * under word_similarity), then core tokens only a variant has, then all patronymics.
 */
export function nameKeys(fullName: string, variants: readonly string[]): string {
  const all: NameTokens[] = [fullName, ...variants].map(nameTokens);
  const core = new Set<string>(all.flatMap((t: NameTokens) => t.core));
  const patronymic = uniqueSorted(all.flatMap((t: NameTokens) => t.patronymic));
  return [...core, ...patronymic].join(' ');
}

/**
 * What a search query is matched with: its core tokens only. A patronymic typed by a relative must
 * not hide a record that lacks it; rank by `normaliseName(query)` to prefer records that have it.
 */
export function nameSearchKey(query: string): string {
  const tokens = nameTokens(query);
  return (tokens.core.length > 0 ? tokens.core : tokens.patronymic).join(' ');
}
