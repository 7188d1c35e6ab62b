import { plainWords } from './vocabulary';

/**
 * What lists write in a cell when nothing is known ("-", "?", "н/д", "неизвестно", "белгісіз", "n/a"). Read as an
 * empty cell: unknown is not a value, and a city called "неизвестно" must never be counted as one.
 */
const SAYS_UNKNOWN: ReadonlySet<string> = new Set([
  'нет',
  'н д',
  'нд',
  'нет данных',
  'нет информации',
  'неизвестно',
  'не известно',
  'неизв',
  'не указан',
  'не указана',
  'не указано',
  'не установлен',
  'не установлено',
  'уточняется',
  'белгісіз',
  'жоқ',
  'мәлімет жоқ',
  'анықталмаған',
  'unknown',
  'not known',
  'n a',
  'na',
  'none',
  'tbc',
]);

export function saysUnknown(text: string): boolean {
  const plain = plainWords(text);
  return plain === '' || SAYS_UNKNOWN.has(plain);
}
