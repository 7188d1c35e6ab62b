import type { Sex } from '@casetrack/domain';
import type { Random } from './random';

/*
 * Invented Kazakh- and Russian-sounding names, put together from syllables so that no real person is named. Each
 * person is written in Cyrillic and then transliterated the ways Latin records actually differ (zh/j, kh/h, y/i,
 * q/k, ye/e...), which is what the duplicate detection and the name search have to see through.
 */

const GIVEN_MALE_HEADS = ['Ар', 'Бол', 'Ер', 'Нұр', 'Сер', 'Дау', 'Ас', 'Жан', 'Тал', 'Мұр', 'Ай', 'Бек', 'Ел', 'Қай'];
const GIVEN_MALE_TAILS = ['ман', 'ат', 'лан', 'ік', 'лет', 'қар', 'бол', 'ғат', 'дар', 'жан', 'тай', 'зат', 'мұрат'];
const GIVEN_FEMALE_HEADS = ['Ай', 'Гүл', 'Сау', 'Жан', 'Ал', 'Дан', 'Мад', 'Ар', 'Ас', 'Нұр', 'Ақ', 'Ток'];
const GIVEN_FEMALE_TAILS = ['ерке', 'нара', 'ина', 'ель', 'ида', 'ана', 'ия', 'сұлу', 'жан', 'бота', 'шолпан'];
const SURNAME_ROOTS = [
  'Жол',
  'Тал',
  'Сей',
  'Бай',
  'Қар',
  'Нұр',
  'Ес',
  'Қас',
  'Тұр',
  'Мұқ',
  'Ораз',
  'Сыр',
  'Жақ',
  'Аман',
];
const SURNAME_LINKS = ['', 'ат', 'ым', 'ен', 'ыр', 'ал', 'ұм', 'ке', 'ым', 'ғали'];
const SURNAME_ENDINGS = ['ов', 'ев', 'баев', 'беков', 'жанов', 'ханов', 'кулов'];

/** Cyrillic letter -> its Latin spellings, the most common first. */
const LATIN: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  ә: ['a', 'ä'],
  б: ['b'],
  в: ['v'],
  г: ['g'],
  ғ: ['g', 'gh'],
  д: ['d'],
  е: ['e'],
  ё: ['yo', 'e'],
  ж: ['zh', 'j'],
  з: ['z'],
  и: ['i'],
  й: ['y', 'i'],
  к: ['k'],
  қ: ['k', 'q'],
  л: ['l'],
  м: ['m'],
  н: ['n'],
  о: ['o'],
  ө: ['o', 'ö'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  у: ['u'],
  ұ: ['u'],
  ү: ['u', 'ü'],
  ф: ['f'],
  х: ['kh', 'h'],
  һ: ['h'],
  ц: ['ts'],
  ч: ['ch'],
  ш: ['sh'],
  щ: ['shch', 'sch'],
  ы: ['y', 'i'],
  і: ['i'],
  э: ['e'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  ь: [''],
  ъ: [''],
};

export interface InventedPerson {
  given: string;
  surname: string;
  patronymic: string | null;
  sex: Extract<Sex, 'female' | 'male'>;
}

export function inventPerson(random: Random): InventedPerson {
  const sex = random.chance(0.78) ? 'male' : 'female';
  const given =
    sex === 'male'
      ? random.pick(GIVEN_MALE_HEADS) + random.pick(GIVEN_MALE_TAILS)
      : random.pick(GIVEN_FEMALE_HEADS) + random.pick(GIVEN_FEMALE_TAILS);
  let surname = random.pick(SURNAME_ROOTS) + random.pick(SURNAME_LINKS) + random.pick(SURNAME_ENDINGS);
  if (sex === 'female') surname += 'а';
  const father = random.pick(GIVEN_MALE_HEADS) + random.pick(GIVEN_MALE_TAILS);
  const patronymic = random.chance(0.3) ? father + (sex === 'male' ? 'ұлы' : 'қызы') : null;
  return { given, surname, patronymic, sex };
}

/** The spellings one report may use: Latin "Given Surname", Cyrillic "Surname Given [Patronymic]", a variant Latin. */
export function spellings(person: InventedPerson, random: Random): string[] {
  const cyrillic = [person.surname, person.given, person.patronymic].filter(Boolean).join(' ');
  return [
    `${latin(person.given, () => 0)} ${latin(person.surname, () => 0)}`,
    cyrillic,
    `${latin(person.surname, (n) => random.int(0, n - 1))} ${latin(person.given, (n) => random.int(0, n - 1))}`,
  ];
}

/** `choose(n)` picks which of a letter's n Latin spellings to use. */
function latin(word: string, choose: (n: number) => number): string {
  let out = '';
  for (const letter of word.toLowerCase()) {
    const options = LATIN[letter];
    out += options ? options[options.length === 1 ? 0 : choose(options.length)] : letter;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
