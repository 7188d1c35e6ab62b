/**
 * The rebuild's second thread (started by shadow-thread.ts): folds the batches the main thread reads, derives their
 * rows and writes them into the shadow schema, with `BulkProjector`, the in-process rebuild's own projector. Requests
 * are run one at a time in the order sent, so the shadow sees the feed in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '@casetrack/config';
import { type FeedBatch, withClient } from '@casetrack/event-store';
// Not the library's index: that brings Nest, TypeORM and every query, seconds of loading for a thread that needs one class.
import { BulkProjector } from '../../../../../libs/read-model/src/rebuild/bulk-projector';
import { openEventStore } from '../event-store';
import type { ShadowReply, ShadowRequest, ShadowThreadData, ThreadError } from './messages';

const data = workerData as ShadowThreadData;
// As many connections as the calling thread's (rebuild-command.ts).
const { pool, store, close } = openEventStore({ ...data, masterKey: Buffer.from(data.masterKey) }, 6);
const logger = data.logLevel === 'silent' ? undefined : createLogger(data.logLevel, 'casetrack-cli');
let projector: BulkProjector | null = null;
let queue: Promise<void> = Promise.resolve();

function opened(): BulkProjector {
  if (projector === null) throw new Error('The shadow projector of the rebuild thread is not open');
  return projector;
}

async function run(request: ShadowRequest): Promise<void> {
  switch (request.op) {
    case 'open':
      if (projector !== null) throw new Error('The rebuild thread already projects a shadow schema');
      projector = new BulkProjector(pool, store, { schema: request.schema, capacity: request.capacity, logger });
      return;
    case 'batch':
      return opened().applyBatch(JSON.parse(request.batch) as FeedBatch);
    case 'finish':
      return opened().finish({ count: request.count });
    case 'count': {
      const shadow = opened();
      return withClient(pool, (client) => shadow.countOnce(client));
    }
    case 'close': {
      const shadow = projector;
      projector = null;
      await shadow?.close();
      return;
    }
    case 'exit':
      return close();
  }
}

function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    code: typeof code === 'string' ? code : undefined,
  };
}

parentPort?.on('message', (request: ShadowRequest) => {
  queue = queue.then(async () => {
    let reply: ShadowReply;
    try {
      await run(request);
      reply = { id: request.id, ok: true, checkpoint: projector?.checkpoint ?? 0 };
    } catch (error) {
      reply = { id: request.id, ok: false, error: toThreadError(error) };
    }
    parentPort?.postMessage(reply);
    if (request.op === 'exit') parentPort?.close();
  });
});
