import { Worker } from 'node:worker_threads';

/**
 * A worker thread running `file`. Built, the file is JavaScript. From the sources (the benchmarks, jest) it is
 * TypeScript, which a worker thread cannot load by itself: it registers the same transpiler and path aliases as the
 * process that runs it.
 */
export function startThread(file: string, workerData: unknown): Worker {
  if (!file.endsWith('.ts')) return new Worker(file, { workerData });
  const code =
    `require('ts-node').register({ transpileOnly: true });` +
    `require('tsconfig-paths/register');` +
    `require(${JSON.stringify(file)});`;
  return new Worker(code, { eval: true, workerData });
}
