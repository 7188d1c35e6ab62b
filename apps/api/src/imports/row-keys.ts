import { IdSource } from '../cases/shared/ids';

/**
 * The Idempotency-Key of one write of one row: the import, the row and the write's place among the row's writes. A
 * commit run again (a repeat, a resume after a crash) sends the same key with the same body, so the write path
 * replays the first answer instead of appending, and derives the same ids (the case's among them).
 */
export function rowWriteKey(importId: string, row: number, write: number | 'names', step: string): string {
  return `import:${importId}:${row}:${write}:${step}`;
}

/** The id of the case a row opens: known before it is opened, since the write path derives it from the key. */
export function caseIdOfRow(userId: string, importId: string, row: number): string {
  return IdSource.deterministic(userId, rowWriteKey(importId, row, 0, 'open')).id('case');
}
