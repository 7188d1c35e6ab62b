import { parse, type Options } from 'csv-parse/sync';
import type { RawRow } from './raw-rows';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many records the delimiter is judged on: enough for a pattern, few enough to stay cheap on a large file. */
const SAMPLE_RECORDS = 50;

/**
 * Real lists are not always strict RFC 4180: a row may have a cell too few or too many (kept and reported, not a
 * crash), a quote may stand inside an unquoted cell (`ТОО "Ромашка"`), an empty line may sit between rows (kept as a
 * record, so that row numbers stay those of the file).
 */
function options(delimiter: Delimiter, to?: number): Options {
  return {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(to === undefined ? {} : { to }),
  };
}

function records(text: string, delimiter: Delimiter, to?: number): string[][] | null {
  try {
    return parse(text, options(delimiter, to)) as string[][];
  } catch {
    return null;
  }
}

interface Candidate {
  readonly delimiter: Delimiter;
  readonly columns: number;
  readonly consistency: number;
}

/** The most frequent cell count above one among the records, and the share of records that have it. */
function pattern(sample: readonly string[][]): { readonly columns: number; readonly consistency: number } | null {
  const counts = new Map<number, number>();
  for (const cells of sample) if (cells.length > 1) counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
  const [columns, times] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  return columns === 0 ? null : { columns, consistency: times / sample.length };
}

/**
 * The delimiter whose reading of the first records gives most of them one cell count above one (a title line above
 * the header does not decide); a tie goes to more columns. A one-column file (a bare list of names) reads the same
 * with any of them.
 */
export function detectDelimiter(text: string): Delimiter {
  const candidates: Candidate[] = [];
  for (const delimiter of DELIMITERS) {
    const sample = records(text, delimiter, SAMPLE_RECORDS)?.filter((cells) => cells.length > 1 || cells[0] !== '');
    const found = sample === undefined ? null : pattern(sample);
    if (found !== null) candidates.push({ delimiter, ...found });
  }
  candidates.sort((a, b) => b.consistency - a.consistency || b.columns - a.columns);
  return candidates[0]?.delimiter ?? ',';
}

/** Every record of a CSV/TSV text, numbered as the file counts its records (1-based), blank ones included. */
export function readCsvRows(text: string): { readonly rows: RawRow[]; readonly delimiter: Delimiter } | null {
  const delimiter = detectDelimiter(text);
  const all = records(text, delimiter);
  if (all === null) return null;
  return { rows: all.map((cells, index) => ({ row: index + 1, cells })), delimiter };
}
