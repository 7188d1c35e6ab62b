/**
 * The people of bench:crisis: Kazakh names (the seed's invented ones) and Russian ones, each in Cyrillic and in the
 * Latin spellings records use, and the second report of a person as another volunteer writes it: the other script,
 * another word order, without the patronymic, or with a typo.
 */
import { type InventedPerson, inventPerson, spellings } from '../../../apps/cli/src/seed/invented-names';
import { CITIES } from '../../../apps/cli/src/seed/places';
import type { Random } from '../../../apps/cli/src/seed/random';

const RUSSIAN_MALE = [
  'Сергей',
  'Алексей',
  'Дмитрий',
  'Андрей',
  'Александр',
  'Евгений',
  'Игорь',
  'Олег',
  'Николай',
  'Владимир',
  'Юрий',
  'Максим',
  'Артём',
  'Денис',
  'Роман',
  'Виктор',
  'Павел',
  'Михаил',
  'Илья',
  'Константин',
  'Вадим',
  'Георгий',
  'Станислав',
  'Тимур',
  'Вячеслав',
];
const RUSSIAN_FEMALE = [
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Светлана',
  'Юлия',
  'Анна',
  'Мария',
  'Екатерина',
  'Людмила',
  'Галина',
  'Оксана',
  'Валентина',
  'Ксения',
  'Дарья',
];
/** Male forms; the female form adds -а where Russian does (-ов, -ев, -ин). */
const RUSSIAN_SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кириллов',
  'Тарасов',
  'Белов',
  'Комаров',
  'Щербаков',
  'Ковалёв',
  'Жуков',
  'Медведев',
  'Карпов',
  'Афанасьев',
  'Власов',
  'Маслов',
  'Исаков',
  'Тихонов',
  'Аксёнов',
  'Гаврилов',
  'Родионов',
  'Шевченко',
  'Бондаренко',
  'Цой',
  'Ким',
  'Пак',
];
/** The father's name as a son's and as a daughter's patronymic. */
const RUSSIAN_PATRONYMICS: ReadonlyArray<readonly [string, string]> = [
  ['Сергеевич', 'Сергеевна'],
  ['Петрович', 'Петровна'],
  ['Иванович', 'Ивановна'],
  ['Александрович', 'Александровна'],
  ['Николаевич', 'Николаевна'],
  ['Викторович', 'Викторовна'],
  ['Владимирович', 'Владимировна'],
  ['Юрьевич', 'Юрьевна'],
  ['Михайлович', 'Михайловна'],
  ['Анатольевич', 'Анатольевна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Олегович', 'Олеговна'],
];

function russianPerson(random: Random): InventedPerson {
  const sex = random.chance(0.75) ? 'male' : 'female';
  const surname = random.pick(RUSSIAN_SURNAMES);
  const patronymic = random.chance(0.8) ? random.pick(RUSSIAN_PATRONYMICS)[sex === 'male' ? 0 : 1] : null;
  return {
    given: random.pick(sex === 'male' ? RUSSIAN_MALE : RUSSIAN_FEMALE),
    surname: sex === 'female' && /(ов|ев|ёв|ин)$/.test(surname) ? `${surname}а` : surname,
    patronymic,
    sex,
  };
}

/** How the second report of a person differs from the first. */
export const VARIANT_KINDS = ['script', 'order', 'patronymic', 'typo'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface CrisisPerson {
  person: InventedPerson;
  city: string;
  /** As the first volunteer wrote it. */
  firstSpelling: string;
  /** The other script than the first report's: what a coordinator types to search. */
  otherScript: string;
}

export function crisisPerson(random: Random): CrisisPerson {
  const person = random.chance(0.55) ? inventPerson(random) : russianPerson(random);
  const [latin, cyrillic] = spellings(person, random);
  const cyrillicFirst = random.chance(0.6);
  return {
    person,
    city: random.weighted(CITIES),
    firstSpelling: cyrillicFirst ? cyrillic : latin,
    otherScript: cyrillicFirst ? latin : cyrillic,
  };
}

/** The name as another volunteer reports the same person; `kind` says how it differs from the first report. */
export function secondSpelling(
  reported: CrisisPerson,
  kind: VariantKind,
  random: Random,
): { spelling: string; kind: VariantKind } {
  const { person, firstSpelling } = reported;
  const [latin, cyrillic, latinVariant] = spellings(person, random);
  const cyrillicFirst = firstSpelling === cyrillic;
  switch (kind) {
    case 'script':
      // Latin records carry no patronymic and often put the surname first.
      return { spelling: cyrillicFirst ? random.pick([latin, latinVariant]) : cyrillic, kind };
    case 'order': {
      const words = firstSpelling.split(' ');
      // "Surname Given Patronymic" read as "Given Patronymic Surname"; "Given Surname" as "Surname Given".
      return { spelling: [...words.slice(1), words[0]].join(' '), kind };
    }
    case 'patronymic':
      if (person.patronymic === null) return secondSpelling(reported, 'order', random);
      return {
        spelling: cyrillicFirst
          ? `${person.surname} ${person.given}`
          : `${person.surname} ${person.given} ${person.patronymic}`,
        kind,
      };
    case 'typo':
      return { spelling: withTypo(firstSpelling, random), kind };
  }
}

/** One slip of the hand in the longest word: two letters swapped, one dropped or one doubled. */
function withTypo(name: string, random: Random): string {
  const words = name.split(' ');
  const index = words.reduce((longest, word, i) => (word.length > words[longest].length ? i : longest), 0);
  const word = words[index];
  const at = random.int(1, Math.max(1, word.length - 2));
  const slip = random.int(0, 2);
  words[index] =
    slip === 0
      ? word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
      : slip === 1
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at + 1) + word.slice(at);
  return words.join(' ');
}
