import type { Pool, PoolClient } from 'pg';
import {
  type ChainLink,
  type ChainProblem,
  compareWithHead,
  type DigestFile,
  type DigestFinding,
  inTransaction,
  type ObservedStream,
  StreamChainCheck,
  type StreamHead,
} from '@casetrack/event-store';
import { ProgressBar, type ProgressOutput } from '../common/progress-bar';
import { scanEvents } from './event-scan';

export interface BrokenStream {
  streamId: string;
  brokenAtVersion: number;
  problem: ChainProblem;
}

export interface StoreReport {
  streams: number;
  events: number;
  /** Each stream's last stored event (version and stored hash), what a digest is taken over. */
  heads: StreamHead[];
  broken: BrokenStream[];
  /** Only with `against`: every way the store no longer matches the digest. */
  digestFindings: DigestFinding[];
}

export interface VerifyStoreOptions {
  /** Hold the store against the heads of an earlier digest. */
  against?: DigestFile;
  /** Where the progress bar goes; none when omitted. */
  progress?: ProgressOutput;
  pageSize?: number;
}

/**
 * Verifies the hash chain of every stream in one pass over the store, inside one snapshot, and optionally checks
 * that every event an earlier digest covered is still there unchanged.
 */
export async function verifyStore(pool: Pool, options: VerifyStoreOptions = {}): Promise<StoreReport> {
  const expected = new Map((options.against?.heads ?? []).map((head) => [head.streamId, head]));
  const { report, observed } = await inTransaction(
    pool,
    (client) => scanStore(client, expected, options),
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
  for (const head of expected.values()) {
    const finding = compareWithHead(head, observed.get(head.streamId));
    if (finding) report.digestFindings.push(finding);
  }
  return report;
}

/** One pass over every event, in stream and version order, inside the caller's snapshot. */
async function scanStore(
  client: PoolClient,
  expected: ReadonlyMap<string, StreamHead>,
  options: VerifyStoreOptions,
): Promise<{ report: StoreReport; observed: Map<string, ObservedStream> }> {
  const { rows } = await client.query<{ count: string }>('SELECT count(*) AS count FROM events');
  const bar = options.progress ? new ProgressBar(Number(rows[0].count), 'verify', options.progress) : null;
  const report: StoreReport = { streams: 0, events: 0, heads: [], broken: [], digestFindings: [] };
  const observed = new Map<string, ObservedStream>();
  let current = null as StreamScan | null;

  for await (const page of scanEvents(client, options.pageSize)) {
    for (const event of page) {
      if (current?.streamId !== event.streamId) {
        if (current) current.finish(report, observed);
        current = new StreamScan(event.streamId, expected.get(event.streamId)?.version ?? null);
      }
      current.add(event);
    }
    report.events += page.length;
    bar?.advance(page.length);
  }
  if (current) current.finish(report, observed);
  bar?.finish();
  return { report, observed };
}

/** What one pass sees of one stream. */
class StreamScan {
  private readonly chain = new StreamChainCheck();
  private lastVersion = 0;
  private lastHash = '';
  private hashAtHeadVersion: string | null = null;

  constructor(
    readonly streamId: string,
    private readonly digestHeadVersion: number | null,
  ) {}

  add(event: ChainLink): void {
    this.chain.add(event);
    this.lastVersion = Math.max(this.lastVersion, event.version);
    this.lastHash = event.metadata.hash;
    if (event.version === this.digestHeadVersion) this.hashAtHeadVersion = event.metadata.hash;
  }

  finish(report: StoreReport, observed: Map<string, ObservedStream>): void {
    const result = this.chain.result();
    report.streams += 1;
    report.heads.push({ streamId: this.streamId, version: this.lastVersion, hash: this.lastHash });
    if (!result.valid) {
      report.broken.push({ streamId: this.streamId, brokenAtVersion: result.brokenAtVersion, problem: result.problem });
    }
    if (this.digestHeadVersion !== null) {
      observed.set(this.streamId, {
        lastVersion: this.lastVersion,
        hashAtHeadVersion: this.hashAtHeadVersion,
        brokenAtVersion: result.valid ? null : result.brokenAtVersion,
      });
    }
  }
}
