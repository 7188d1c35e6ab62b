/**
 * The list bench:crisis imports, as a coalition's spreadsheet comes: Excel's "CSV UTF-8" (a BOM, `;` between cells,
 * CRLF), Russian headers, dates as dd.mm.yyyy, cities in Russian, names in either script, articles bare ("272") or
 * as written in a charge sheet ("ст. 272 ч. 2 УК РК").
 */
import { CRIMINAL_ARTICLES } from '../../../apps/cli/src/seed/places';
import type { Random } from '../../../apps/cli/src/seed/random';
import { crisisPerson } from './crisis-people';

const CITY_IN_RUSSIAN: Readonly<Record<string, string>> = {
  Almaty: 'Алматы',
  Astana: 'Астана',
  Shymkent: 'Шымкент',
  Karaganda: 'Караганда',
  Aktobe: 'Актобе',
  Taraz: 'Тараз',
  Zhanaozen: 'Жанаозен',
  Aktau: 'Актау',
  Taldykorgan: 'Талдыкорган',
  Kyzylorda: 'Кызылорда',
};

const HEADERS = ['ФИО', 'Город', 'Дата задержания', 'Статья', 'Место содержания', 'Примечание'];
const NOTES = ['', '', 'Сообщила сестра', 'Со слов соседей', 'Связи нет с 5 января', 'Нужен адвокат'];

/** A cell as Excel writes it: quoted when it holds the delimiter, a quote or a line break. */
function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function crisisList(rows: number, random: Random): Buffer {
  const lines = [HEADERS.join(';')];
  const now = Date.now();
  for (let i = 0; i < rows; i++) {
    const person = crisisPerson(random);
    const city = CITY_IN_RUSSIAN[person.city] ?? person.city;
    const detained = new Date(now - random.int(1, 7) * 86_400_000);
    const date = [detained.getUTCDate(), detained.getUTCMonth() + 1]
      .map((n) => String(n).padStart(2, '0'))
      .concat(String(detained.getUTCFullYear()))
      .join('.');
    const { article, part } = random.pick(CRIMINAL_ARTICLES);
    const charge = random.chance(0.5) ? `ст. ${article}${part ? ` ч. ${part}` : ''} УК РК` : article;
    const facility = random.chance(0.5) ? `ИВС ДП г. ${city}` : '';
    lines.push([person.firstSpelling, city, date, charge, facility, random.pick(NOTES)].map(cell).join(';'));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
