import type { ImportField, ImportKind, ImportMapping } from '../import-table';
import { plainWords } from '../values/vocabulary';
import { CASE_SYNONYMS, HEARING_SYNONYMS } from './synonyms';

/** A word's stem: its first five letters (Russian and Kazakh inflect at the end: задержания, задержан, ұсталған). */
const stem = (word: string): string => word.slice(0, 5);

const compact = (words: string): string => words.replace(/ /g, '');

/**
 * How well a header names a field by one synonym: 1 when they are the same words (spaces and punctuation aside:
 * "Ф.И.О." is "ФИО"), else when every word stem of the synonym is among the header's, the share of the header it
 * explains ("Задержание: дата" holds both stems of "дата задержания"); 0 otherwise.
 */
function score(header: string, synonym: string): number {
  if (compact(header) === compact(synonym)) return 1;
  const headerStems = new Set(header.split(' ').map(stem));
  const synonymStems = [...new Set(synonym.split(' ').map(stem))];
  if (!synonymStems.every((s) => headerStems.has(s))) return 0;
  return 0.5 + 0.4 * (synonymStems.length / headerStems.size);
}

interface Candidate {
  readonly column: string;
  readonly field: ImportField;
  readonly score: number;
}

/**
 * The mapping a header suggests: each column to the field it names best, no field twice (the better match wins, then
 * the column further left). Columns that name no field stay unmapped.
 */
export function suggestMapping(columns: readonly string[], kind: ImportKind): ImportMapping {
  const synonyms: Readonly<Record<string, readonly string[]>> = kind === 'cases' ? CASE_SYNONYMS : HEARING_SYNONYMS;
  const candidates: Candidate[] = [];
  for (const column of columns) {
    const header = plainWords(column.replace(/ \(\d+\)$/, ''));
    if (header === '') continue;
    for (const [field, names] of Object.entries(synonyms)) {
      const best = Math.max(...names.map((name) => score(header, plainWords(name))));
      if (best > 0) candidates.push({ column, field: field as ImportField, score: best });
    }
  }
  candidates.sort((a, b) => b.score - a.score || columns.indexOf(a.column) - columns.indexOf(b.column));
  const mapping: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (column in mapping || taken.has(field)) continue;
    mapping[column] = field;
    taken.add(field);
  }
  return mapping;
}
