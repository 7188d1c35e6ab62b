import type { EventStore, RecordedEvent } from '@casetrack/event-store';
import type { ProgressBar } from '../common/progress-bar';
import type { CopyCheckpoints, CopyProgress } from './copy-checkpoints';
import type { CopyTarget } from './copy-target';

export interface CopyOptions {
  batchSize?: number;
  progress?: ProgressBar;
}

export interface CopyResult extends CopyProgress {
  /** Events written by this run (the rest of `copied` was already there or was copied by an earlier run). */
  written: number;
  present: number;
}

/**
 * Copies the source's global feed into the target, batch by batch, in feed order, so every stream arrives in
 * version order and the target's $all keeps the source's order. After each batch the target holds all of it, and
 * only then is the source checkpoint saved; an interrupted run resumes at the last saved batch and the target
 * reports the part of that batch it already holds as present, so nothing is written twice.
 */
export async function copyEvents(
  source: EventStore,
  target: CopyTarget,
  checkpoints: CopyCheckpoints,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const batchSize = options.batchSize ?? 500;
  const progress = await checkpoints.load();
  const result: CopyResult = { ...progress, written: 0, present: 0 };
  for (;;) {
    const batch = await source.readAll({ after: result.sourcePosition, limit: batchSize });
    if (batch.events.length === 0) return result;
    for (const run of runsOfOneStream(batch.events)) {
      const outcome = await target.replicate(run[0].streamId, run);
      if (outcome === 'written') result.written += run.length;
      else result.present += run.length;
    }
    result.sourcePosition = batch.checkpoint;
    result.copied += batch.events.length;
    await checkpoints.save(result);
    options.progress?.advance(batch.events.length);
  }
}

/**
 * Consecutive events of the same stream, one write each. The feed keeps every stream in version order, so such a
 * run holds consecutive versions.
 */
export function runsOfOneStream(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const last = runs[runs.length - 1];
    if (last && last[0].streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
}
