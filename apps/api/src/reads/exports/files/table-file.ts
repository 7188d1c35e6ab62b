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
  /**
   * Resolves when the file can take the next rows: what it holds of the rows it was given stays within about a batch
   * (an xlsx sheet is compressed off the main thread, and may lag). Rejects once the file has failed.
   */
  ready(): Promise<void>;
  /** Finishes the file; resolves once its last byte has gone to the sink. Nothing may be written after it. */
  end(): Promise<void>;
  /** Gives the file up (its reader went away): frees what it holds; nothing more reaches the sink. */
  discard(): void;
}

/** Where a file's bytes go, in order. */
export type ChunkSink = (chunk: Uint8Array) => void;
