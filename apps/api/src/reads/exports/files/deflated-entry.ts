import type { TransformOptions } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';
import type { AsyncFlateStreamHandler, FlateError, ZipInputFile } from 'fflate';

/** Input a sheet's deflate stream may hold before the writer waits: about two batches of rows' XML. */
const BUFFERED = 4 * 2 ** 20;
const EMPTY = new Uint8Array(0);

/**
 * A ZIP entry deflated by Node's zlib (native code, several times faster than fflate's JavaScript deflate) in its
 * thread pool: the export formats the next rows while the last ones are compressed, on another core when there is
 * one, and one stream per entry keeps its dictionary from batch to batch. Its bytes reach the archive as they come;
 * fflate's Zip holds a later entry's bytes until the earlier ones are complete.
 */
export class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata: AsyncFlateStreamHandler = () => {
    throw new Error('zip: an entry written before it was added to the archive');
  };

  private readonly stream: DeflateRaw;

  constructor(
    readonly filename: string,
    level: number,
  ) {
    // zlib hands its options on to its Transform stream, whose limit is what makes `drained` wait.
    const options: ZlibOptions & TransformOptions = { level, highWaterMark: BUFFERED, chunkSize: 64 * 1024 };
    this.stream = createDeflateRaw(options);
    // zlib's output buffers are its own (never shared memory).
    this.stream.on('data', (chunk: Buffer<ArrayBuffer>) => this.ondata(null, chunk, false));
    this.stream.once('end', () => this.ondata(null, EMPTY, true));
    this.stream.once('error', (error: Error) => this.ondata(flateError(error), EMPTY, true));
  }

  push(chunk: Uint8Array, final = false): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.stream.write(chunk);
    if (final) this.stream.end();
  }

  /** Resolves once the stream holds less than its limit (at once when it does already). */
  async drained(): Promise<void> {
    if (!this.stream.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  /** Frees the stream's native memory when the archive will not be finished (the client went away). */
  discard(): void {
    this.stream.destroy();
  }
}

/** zlib's error as fflate passes errors on (its codes are fflate's own: 0, none of them, for one from outside). */
function flateError(error: Error): FlateError {
  return Object.assign(new Error(`zip: ${error.message}`, { cause: error }), { code: 0 });
}
