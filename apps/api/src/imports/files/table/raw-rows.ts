/** A row of a file before it is a table: its number as the file counts it and its cells' text. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
