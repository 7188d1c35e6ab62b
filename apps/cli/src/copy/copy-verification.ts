import type { Pool } from 'pg';
import { verifyStreamChain } from '@casetrack/event-store';
import type { ProgressBar } from '../common/progress-bar';
import type { CopyTarget } from './copy-target';

export interface CopyMismatch {
  streamId: string;
  problem: string;
}

export interface CopyVerification {
  streams: number;
  events: number;
  mismatches: CopyMismatch[];
}

const CONCURRENCY = 16;

/**
 * Holds every source stream against the target: the same head version and head hash, and an intact hash chain in
 * the target. The head hash covers the event and its prevHash, so equal heads over an intact chain mean every
 * event of the stream is identical on both sides.
 */
export async function verifyCopy(pool: Pool, target: CopyTarget, progress?: ProgressBar): Promise<CopyVerification> {
  const { rows } = await pool.query<{ stream_id: string; version: number; hash: string }>(
    'SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM events ORDER BY stream_id, version DESC',
  );
  const report: CopyVerification = { streams: rows.length, events: 0, mismatches: [] };
  for (let i = 0; i < rows.length; i += CONCURRENCY) {
    await Promise.all(
      rows.slice(i, i + CONCURRENCY).map(async (head) => {
        const copied = await target.readStream(head.stream_id);
        report.events += copied.length;
        progress?.advance(head.version);
        const problem = compare(head, copied);
        if (problem) report.mismatches.push({ streamId: head.stream_id, problem });
      }),
    );
  }
  report.mismatches.sort((a, b) => a.streamId.localeCompare(b.streamId));
  return report;
}

function compare(
  head: { version: number; hash: string },
  copied: Awaited<ReturnType<CopyTarget['readStream']>>,
): string | null {
  const last = copied[copied.length - 1];
  if (!last) return 'missing in the target';
  if (last.version !== head.version) return `target is at version ${last.version}, source at ${head.version}`;
  if (last.metadata.hash !== head.hash) return `head hash differs at version ${head.version}`;
  const broken = verifyStreamChain(copied);
  return broken ? `target chain broken at version ${broken.version}: ${broken.reason}` : null;
}
