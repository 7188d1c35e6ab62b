/**
 * Step 1 of name normalisation: any script to plain Latin letters a-z.
 * The output is deliberately close to common passport/press spellings (zh, kh, ts, ch, sh, ya, yu);
 * the folding of those spellings into one canonical form happens in `fold.ts`.
 */

/** Russian, Kazakh (and Ukrainian/Belarusian, seen in mixed records) Cyrillic, lower case. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  // ё: fold.ts turns consonant+yo into e, because Russian records often write ё as е (Фёдор/Федор).
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh letters: Latin records write them without their marks (Säule/Saule, Ömirzaq/Omirzak).
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  // Ukrainian / Belarusian.
  є: 'ye',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
};

/** Soft and hard signs: silent, except before a vowel where they sound (and are spelled) as y: Ананьев = Ananyev. */
const SIGNS: ReadonlySet<string> = new Set(['ь', 'ъ']);
const CYRILLIC_VOWELS: ReadonlySet<string> = new Set(['е', 'ё', 'ю', 'я', 'и', 'о', 'э', 'а', 'у', 'є', 'ї']);
/**
 * Vowels whose own spelling already starts with the y a sign would add: Соловьёв is Solovyov, not Solovyyov, which
 * fold.ts would read as ы+о and never match the Latin record's yo (= ё). Likewise Марья = Marya, Ульяна = Ulyana.
 */
const IOTATED: ReadonlySet<string> = new Set(['ё', 'ю', 'я', 'є', 'ї']);

/**
 * Latin letters whose marks carry meaning in a transliteration (š = sh, not s), so they must be
 * replaced before NFKD strips marks. Dotless ı has no decomposition at all.
 */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  š: 'sh',
  ş: 'sh',
  ș: 'sh',
  ž: 'zh',
  č: 'ch',
  ç: 'ch',
  ğ: 'g',
  ı: 'i',
  // Kazakh Latin (2018) wrote у as ý; plain NFKD would turn it into the vowel y.
  ý: 'u',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
};

/**
 * Apostrophes are transliteration marks (Ata'ev) and hyphens join parts of one name (Ak-Bota / Akbota,
 * Nur-Sultan / Nursultan, Serik-uly / Serikuly): both are removed without leaving a word break.
 * A double surname (Ivanova-Petrova) thus becomes one token; search still finds either half by word_similarity.
 */
const JOINERS = /['’‘ʼʻ`´\-‐‑]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const NOT_LATIN = /[^a-z]+/g;

function cyrillicToLatin(text: string): string {
  const chars: string[] = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const c = chars[i];
    if (SIGNS.has(c)) {
      const next = chars[i + 1] ?? '';
      out += CYRILLIC_VOWELS.has(next) && !IOTATED.has(next) ? 'y' : '';
    } else {
      out += CYRILLIC[c] ?? LATIN_SPECIAL[c] ?? c;
    }
  }
  return out;
}

/**
 * Lower-cases, transliterates Cyrillic, strips diacritics and turns everything that is not a letter
 * (dots, commas, digits, brackets) into a single space. Apostrophes and hyphens are dropped without a space.
 */
export function toPlainLatin(name: string): string {
  // NFC first: й and ё must stay single letters for the table (NFKD would split them into и/е + mark).
  const composed = name.normalize('NFC').toLowerCase().replace(JOINERS, '');
  const latin = cyrillicToLatin(composed).normalize('NFKD').replace(COMBINING_MARKS, '');
  return latin.replace(NOT_LATIN, ' ').trim();
}

/**
 * The words of a name as typed, lower-cased, in their own script (Cyrillic stays Cyrillic), joiners removed as
 * `toPlainLatin` does. A typo is one letter in the script it was made in, and may be several once transliterated
 * and folded (Михайлович / Миайлович drops the kh of mikhailovich).
 */
export function typedWords(name: string): string[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(JOINERS, '')
    .split(/[^\p{L}]+/u)
    .filter((word: string) => word.length > 0);
}
