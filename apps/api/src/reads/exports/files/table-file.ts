/** One cell of an exported table: text, a number, or nothing (an empty cell, never a placeholder word). */
export type Cell = string | number | null;

/**
 * A file of tables written as it is read: the caller hands over rows a batch at a time and sends each chunk the
 * file emits before reading the next batch, so that memory holds one batch whatever the export's size.
 */
export interface TableFile {
  /** Starts a table (an xlsx sheet, a CSV section); `name` titles it. */
  startTable(name: string, header: readonly string[]): void;
  rows(rows: ReadonlyArray<readonly Cell[]>): void;
  endTable(): void;
  /** Finishes the file; nothing may be written after it. */
  end(): void;
}

/** Where a file's bytes go, in order. */
export type ChunkSink = (chunk: Uint8Array) => void;
