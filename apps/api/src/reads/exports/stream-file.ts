import type { Response } from 'express';
import { EXPORT_MEDIA_TYPES, type ExportFormat, tableFile } from './export-format';
import type { TableFile } from './files/table-file';

/**
 * Waits until the file has taken in what it was given (an xlsx sheet is compressed off the main thread) and the client
 * has taken what was sent: memory holds about a batch however many rows there are, whatever the client's speed.
 */
export type Flush = () => Promise<void>;

class ClientGone extends Error {}

/**
 * Streams a file of tables as an attachment. `write` reads its rows in batches and awaits `flush` after each one, so
 * that no more than a batch is in memory however many rows there are, and reading stops when the client goes away.
 * A failure once bytes have left cannot become an error body: the connection is cut instead, so that a client never
 * takes a truncated file for a complete one.
 */
export async function streamFile(
  response: Response,
  format: ExportFormat,
  name: string,
  sections: boolean,
  write: (file: TableFile, flush: Flush) => Promise<void>,
): Promise<void> {
  let gone = false;
  response.once('close', () => {
    gone = !response.writableFinished;
  });
  response.status(200);
  response.setHeader('Content-Type', EXPORT_MEDIA_TYPES[format]);
  response.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
  response.setHeader('Cache-Control', 'no-store');
  const file = tableFile(format, (chunk) => response.write(chunk), sections);
  const flush: Flush = async () => {
    if (gone) throw new ClientGone();
    await file.ready();
    if (response.writableNeedDrain) await drained(response);
    if (gone) throw new ClientGone();
  };
  try {
    await write(file, flush);
    await file.end();
    response.end();
  } catch (error) {
    file.discard();
    if (error instanceof ClientGone) return;
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Resolves when the response drains or closes, leaving no listener behind (a long export waits many times). */
function drained(response: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
