/**
 * Step 2 of name normalisation: folds the competing Latin transliterations of one token
 * (a-z only, from `toPlainLatin`) into one canonical spelling. Canonical forms stay readable
 * (zholatov, khasenov, tsoi, sherbakov) so a stored key can be checked by eye.
 *
 * Rules are applied in order; each comment says which real-world spellings it merges.
 */

/**
 * Consonant spellings, longest first so that a digraph is read as one sound (shch before sh before s).
 * The value is the canonical spelling.
 */
const CONSONANTS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'sh'], // Щербаков: Shcherbakov / Sherbakov / Scherbakov
  ['tsch', 'ch'], // German Tsch
  ['dzh', 'zh'], // Джаксыбеков / Жаксыбеков: Dzhaksybekov / Zhaksybekov / Jaksybekov
  ['sch', 'sh'], // German Sch, and the shch shortcut
  ['tch', 'ch'],
  ['tzh', 'tzh'], // т+ж (Аманатжанов = Amanatjanov), not the German tz followed by h
  ['zh', 'zh'],
  ['kh', 'kh'],
  ['ch', 'ch'],
  ['sh', 'sh'],
  ['ts', 'ts'],
  ['tz', 'ts'],
  ['cz', 'ch'], // Polish
  ['ck', 'k'],
  ['dj', 'zh'], // Djamila / Jamila / Zhamila
  ['gh', 'g'], // Kazakh ғ written gh
  ['ph', 'f'],
  ['j', 'zh'], // Kazakh Latin j = ж (Jolatov, Janbolat), so Julia reads Zhulia: found by search with a surname only
  ['h', 'kh'], // Hasenov / Khasenov, and Kazakh һ
  ['c', 'ts'], // Coi / Tsoy: in these records a lone c is ц
  ['q', 'k'], // Kazakh Latin q = қ (Omirzaq)
  ['w', 'v'],
];

const VOWELS = /[aeiouy]/;

/** x is ks in European names (Alexander, Maxim) but х in Uzbek Latin (Xolmatov, Baxtiyor). */
function readX(token: string, i: number): string {
  const next = token[i + 1];
  const atStart = i === 0;
  const beforeConsonant = next !== undefined && !VOWELS.test(next);
  return atStart || beforeConsonant ? 'kh' : 'ks';
}

function foldConsonants(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    if (token[i] === 'x') {
      out += readX(token, i);
      i += 1;
      continue;
    }
    const hit = CONSONANTS.find(([spelling]) => token.startsWith(spelling, i));
    out += hit ? hit[1] : token[i];
    i += hit ? hit[0].length : 1;
  }
  return out;
}

const DOUBLED = /([a-z])\1+/g;

/** Vowels and glides: the spellings that differ most between Russian, Kazakh and ICAO transliteration. */
function foldVowels(token: string): string {
  return (
    token
      // ё after a consonant: Semyonov / Semenov / Семёнов, Fyodor / Fedor.
      .replace(/([^aeiouy])yo/g, '$1e')
      // ы and й are both written y or i: Yskakov / Iskakov, Tsoy / Tsoi, Sergey / Sergei.
      .replace(/y/g, 'i')
      // Doubled letters: Kassymov / Kasymov, Yuliya / Iuliia (ii), Dmitrii / Dmitriy / Dmitri.
      .replace(DOUBLED, '$1')
      // е written ye/ie: Yerlan / Erlan, Tokayev / Tokaev, Nurgaliyev / Nurgaliev, Grigoryev / Grigorev (ICAO drops ь).
      .replace(/ie/g, 'e')
      // ю after a consonant: Lyudmila / Liudmila / Ludmila.
      .replace(/([^aeiou])iu/g, '$1u')
      .replace(DOUBLED, '$1')
  );
}

/** Word endings written in several ways. */
function foldEndings(token: string): string {
  return (
    token
      // Smirnoff / Smirnov, Ignatieff / Ignatiev (ff already collapsed to f).
      .replace(/(o|e)f$/, '$1v')
      // Alexander / Aleksandr / Александр, Alexandre.
      .replace(/andre?$/, 'andr')
      .replace(/ander$/, 'andr')
  );
}

/** Canonical spelling of one plain-Latin token. */
export function foldToken(token: string): string {
  return foldEndings(foldVowels(foldConsonants(token)));
}
