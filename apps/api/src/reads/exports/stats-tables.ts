import type { Locale } from '@casetrack/i18n';
import { Labels } from './labels';
import type { Cell } from './files/table-file';

export interface Table {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Fields of a breakdown whose values are a vocabulary: printed as the vocabulary's label in the reader's language. */
const VOCABULARY_OF: Readonly<Record<string, string>> = {
  status: 'caseStatus',
  byStatus: 'caseStatus',
  publicRole: 'publicRole',
  method: 'tortureMethod',
  tortureMethod: 'tortureMethod',
  circumstances: 'deathCircumstances',
  cause: 'deathCause',
  measure: 'measure',
};

/**
 * The statistics as tables, whatever breakdowns they hold: each list of rows (`byCity`) and each object of counts
 * (`byStatus`, `complaints`) is a table of its own, and the single figures (`deaths`) share one table. A breakdown
 * added to the statistics appears here without a change; its title and column names are the catalogue's
 * (`exports.stats.sheet.<key>`, `exports.stats.column.<field>`) when it has them, else the field names.
 */
export function statsTables(stats: object, locale: Locale): Table[] {
  const labels = new Labels(locale);
  const tables: Table[] = [];
  const figures: Cell[][] = [];
  const itemHeader = labels.of('exports.stats.column.item');
  const valueHeader = labels.of('exports.stats.column.value');
  for (const [key, value] of Object.entries(stats)) {
    const name = labels.orElse(`exports.stats.sheet.${key}`, key);
    if (Array.isArray(value)) {
      tables.push(listTable(name, value, labels));
    } else if (value !== null && typeof value === 'object') {
      const rows = Object.entries(value as Record<string, unknown>).map(([field, v]): Cell[] => [
        VOCABULARY_OF[key] ? valueLabel(labels, VOCABULARY_OF[key], field) : fieldLabel(labels, field),
        cell(labels, field, v),
      ]);
      tables.push({ name, header: [itemHeader, valueHeader], rows });
    } else {
      figures.push([name, cell(labels, key, value)]);
    }
  }
  if (figures.length > 0) {
    tables.unshift({
      name: labels.of('exports.stats.sheet.totals'),
      header: [itemHeader, valueHeader],
      rows: figures,
    });
  }
  return tables;
}

function listTable(name: string, items: readonly unknown[], labels: Labels): Table {
  const fields: string[] = [];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    for (const field of Object.keys(item)) if (!fields.includes(field)) fields.push(field);
  }
  if (fields.length === 0 && items.length > 0) fields.push('value');
  const rows = items.map((item): Cell[] =>
    item !== null && typeof item === 'object'
      ? fields.map((field) => cell(labels, field, (item as Record<string, unknown>)[field]))
      : [cell(labels, 'value', item)],
  );
  return { name, header: fields.map((field) => fieldLabel(labels, field)), rows };
}

function fieldLabel(labels: Labels, field: string): string {
  return labels.orElse(`exports.stats.column.${field}`, field);
}

function valueLabel(labels: Labels, area: string, value: string): string {
  return labels.orElse(`vocabulary.${area}.${value}`, value);
}

function cell(labels: Labels, field: string, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return labels.of(value ? 'exports.yes' : 'exports.no');
  if (typeof value === 'string') return VOCABULARY_OF[field] ? valueLabel(labels, VOCABULARY_OF[field], value) : value;
  if (Array.isArray(value)) return value.map((v) => String(cell(labels, field, v) ?? '')).join('; ');
  return JSON.stringify(value);
}
