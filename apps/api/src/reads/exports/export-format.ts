import { CsvFile } from './files/csv-file';
import type { ChunkSink, TableFile } from './files/table-file';
import { XlsxFile } from './files/xlsx-file';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file of the format; `sections`: a CSV of several tables titles each one. */
export function tableFile(format: ExportFormat, sink: ChunkSink, sections: boolean): TableFile {
  return format === 'xlsx' ? new XlsxFile(sink) : new CsvFile(sink, sections);
}

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
