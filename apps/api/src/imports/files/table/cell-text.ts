import type { CellValue } from 'exceljs';

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A date cell as the wall time it shows. ExcelJS turns the serial number into a Date whose UTC fields are the sheet's
 * wall time (a workbook has no zone). Rounded to the minute: a stored 14:30 is often 14:29:59.999 in binary.
 */
export function wallTimeOf(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  const day = `${rounded.getUTCFullYear()}-${two(rounded.getUTCMonth() + 1)}-${two(rounded.getUTCDate())}`;
  const hours = rounded.getUTCHours();
  const minutes = rounded.getUTCMinutes();
  return hours === 0 && minutes === 0 ? day : `${day}T${two(hours)}:${two(minutes)}`;
}

/**
 * A number as the sheet shows it by default: at most 15 significant digits (Excel's own precision), never in
 * exponent form (`100000`, not `1e+5`; `0.3`, not `0.30000000000000004`).
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Number(value.toPrecision(15)).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** The text of a cell's value: rich text joined, a formula's result, a hyperlink's text, an error cell empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallTimeOf(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return '';
}
