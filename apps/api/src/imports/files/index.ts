export * from './import-table';
export { readTable } from './table/read-table';
export { MAX_COLUMNS, MAX_ROWS } from './table/assemble-table';
export { decodeText, type TextEncoding } from './table/decode-text';
export { suggestMapping } from './mapping/suggest-mapping';
export { readRow, type ReadRowOptions } from './read-row';
export { readFactTime, readBirthDate, readScheduledAt, type FactTimeReading } from './values/fact-time';
export { readCharges, type WrittenCharge } from './values/articles';
